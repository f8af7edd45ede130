<?php
// The vendor's own API 4.0 login sample, unchanged but for $host and the credentials: the 3-part
// HMAC-MD5 login that 2Checkout retired in 2024. Against a default sandbox it must get the clear
// FORBIDDEN fault; against `--allow-md5` it logs in and reads a customer.
// Usage: php php_md5_sample.php HOST   (HOST like http://127.0.0.1:PORT)   Prints a JSON report.
declare(strict_types=1);
require __DIR__ . '/../../../scripts/lib/php-strict.php';

$host = $argv[1];
$merchantCode = "DEMO";
$key = "DEMO_SECRET_KEY";

$now = gmdate('Y-m-d H:i:s'); // GMT date format
$string = strlen($merchantCode) . $merchantCode . strlen($now) . $now;
$hash = hash_hmac('md5', $string, $key);

$client = new SoapClient($host . "/soap/4.0/?wsdl", array(
    'location' => $host . "/soap/4.0/",
    'cache_wsdl' => WSDL_CACHE_NONE,
    'trace' => 1
));
try {
    $sessionID = $client->login($merchantCode, $now, $hash);
} catch (SoapFault $e) {
    echo json_encode([
        'login' => 'fault',
        'faultcode' => $e->faultcode,
        'message' => $e->getMessage(),
        'request' => $client->__getLastRequest(),
    ], JSON_UNESCAPED_SLASHES), "\n";
    exit(0);
}
$customer = $client->getCustomerInformation($sessionID, 1001, null);
echo json_encode([
    'login' => 'ok',
    'sessionLength' => strlen($sessionID),
    'read' => $customer->AvangateCustomerReference,
    'request' => $client->__getLastRequest(),
], JSON_UNESCAPED_SLASHES), "\n";
