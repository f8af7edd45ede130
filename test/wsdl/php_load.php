<?php
// Loads the WSDL with PHP's SoapClient and SoapServer (ext/soap) and prints the operations each
// sees as JSON. Any warning, notice or deprecation is promoted to a failure on stderr.
// Usage: php test/wsdl/php_load.php WSDL_FILE
declare(strict_types=1);
require __DIR__ . '/../../scripts/lib/php-strict.php';
$wsdl = $argv[1];
$client = new SoapClient($wsdl, ['cache_wsdl' => WSDL_CACHE_NONE, 'exceptions' => true]);
$functions = $client->__getFunctions();
$types = $client->__getTypes();
$server = new SoapServer($wsdl, ['cache_wsdl' => WSDL_CACHE_NONE]);
$server->addFunction(SOAP_FUNCTIONS_ALL);
$names = array_map(fn (string $f): string => preg_replace('/^\S+\s+(\w+)\(.*$/s', '$1', $f), $functions);
sort($names);
echo json_encode(['clientOperations' => $names, 'clientSignatures' => $functions, 'typeCount' => count($types)], JSON_PRETTY_PRINT), "\n";
