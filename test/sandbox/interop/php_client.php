<?php
// PHP SoapClient against the sandbox, written exactly like 2Checkout's API 4.0 PHP samples
// (WSDL mode, positional arguments), logging in the way the vendor's pages show since MD5 was
// retired in 2024: hash_hmac('sha256', …) and the 4th argument $algo. Only $host and the
// credentials differ from the vendor's code.
// Usage: php php_client.php HOST   (HOST like http://127.0.0.1:PORT)   Prints a JSON report.
declare(strict_types=1);
require __DIR__ . '/../../../scripts/lib/php-strict.php';

$host = $argv[1];
$merchantCode = "DEMO";
$key = "DEMO_SECRET_KEY";
$report = [];

$now = gmdate('Y-m-d H:i:s'); // GMT date format
$algo = "sha256";
$string = strlen($merchantCode) . $merchantCode . strlen($now) . $now;
$hash = hash_hmac($algo, $string, $key);

try {
    $client = new SoapClient($host . "/soap/4.0/?wsdl", array(
        'location' => $host . "/soap/4.0/",
        "stream_context" => stream_context_create(array(
            'ssl' => array(
                'verify_peer' => false,
                'verify_peer_name' => false
            )
        )),
        'cache_wsdl' => WSDL_CACHE_NONE
    ));
    $sessionID = $client->login($merchantCode, $now, $hash, $algo);
} catch (SoapFault $e) {
    echo "Authentication: " . $e->getMessage();
    exit(5);
}
$report['sessionLength'] = strlen($sessionID);

// Retrieve a customer
$customerReference = 1001;
$externalCustomerReference = 'CRM-0001';
try {
    $customerInfo = $client->getCustomerInformation($sessionID, $customerReference, $externalCustomerReference);
} catch (SoapFault $e) {
    echo "customerInfo: " . $e->getMessage();
    exit(6);
}
$report['read'] = clone $customerInfo;

// Update a customer: change Email, send the object back
$customerInfo->Email = 'ada.php@example.com';
try {
    $updateCustomerInfo = $client->updateCustomerInformation($sessionID, $customerInfo);
} catch (SoapFault $e) {
    echo "updateCustomerInfo: " . $e->getMessage();
    exit(7);
}
$report['updated'] = $updateCustomerInfo;

// Update again, this time also the end users of the customer's subscriptions
$customerInfo->City = 'Cambridge';
$report['updatedWithEndUsers'] = $client->updateCustomerInformation($sessionID, $customerInfo, true);
$report['subscriptions'] = $client->getCustomerSubscriptions($sessionID, $customerReference, $externalCustomerReference);

// Create a customer
$newCustomer = new stdClass();
$newCustomer->AvangateCustomerReference = null;
$newCustomer->ExternalCustomerReference = 'PHP-' . substr(md5($now . mt_rand()), 0, 8);
$newCustomer->FirstName = 'Zoë';
$newCustomer->LastName = "O'Brien & Sons <PHP>";
$newCustomer->Company = null;
$newCustomer->FiscalCode = null;
$newCustomer->Address1 = 'Bahnhofstrasse 1';
$newCustomer->Address2 = '';
$newCustomer->City = 'Zürich';
$newCustomer->State = null;
$newCustomer->Zip = '8001';
$newCustomer->CountryCode = 'CH';
$newCustomer->Phone = null;
$newCustomer->Fax = null;
$newCustomer->Email = 'zoe.php@example.ch';
$newCustomer->ExistingCards = null;
$newCustomer->Enabled = null;
$newCustomer->Trial = null;
$newCustomer->Language = 'de';
$report['created'] = $client->createCustomer($sessionID, $newCustomer);
$report['createdRead'] = $client->getCustomerInformation($sessionID, $report['created'], null);

// Faults arrive as SoapFault with the sandbox's code and string
try {
    $client->getCustomerInformation($sessionID, 999, null);
    $report['notFound'] = null;
} catch (SoapFault $e) {
    $report['notFound'] = ['faultcode' => $e->faultcode, 'message' => $e->getMessage()];
}
try {
    $client->getCustomerInformation('0123456789abcdef0123456789abcdef', 1001, null);
    $report['badSession'] = null;
} catch (SoapFault $e) {
    $report['badSession'] = ['faultcode' => $e->faultcode, 'message' => $e->getMessage()];
}

echo json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
