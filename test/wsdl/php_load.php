<?php
// Loads the WSDL with PHP's SoapClient and SoapServer (ext/soap) and prints the operations each
// sees as JSON. Any warning, notice or deprecation is promoted to a failure on stderr.
// Usage: php test/wsdl/php_load.php WSDL_FILE
declare(strict_types=1);
error_reporting(E_ALL);
ini_set('display_errors', 'stderr');
ini_set('soap.wsdl_cache_enabled', '0');
set_error_handler(function (int $no, string $msg, string $file, int $line): bool {
    fwrite(STDERR, "PHP error $no: $msg at $file:$line\n");
    exit(3);
});
if (!extension_loaded('soap')) {
    fwrite(STDERR, "the PHP soap extension is not loaded (apt-get install php-soap)\n");
    exit(4);
}
$wsdl = $argv[1];
$client = new SoapClient($wsdl, ['cache_wsdl' => WSDL_CACHE_NONE, 'exceptions' => true]);
$functions = $client->__getFunctions();
$types = $client->__getTypes();
$server = new SoapServer($wsdl, ['cache_wsdl' => WSDL_CACHE_NONE]);
$server->addFunction(SOAP_FUNCTIONS_ALL);
$names = array_map(fn (string $f): string => preg_replace('/^\S+\s+(\w+)\(.*$/s', '$1', $f), $functions);
sort($names);
echo json_encode(['clientOperations' => $names, 'clientSignatures' => $functions, 'typeCount' => count($types)], JSON_PRETTY_PRINT), "\n";
