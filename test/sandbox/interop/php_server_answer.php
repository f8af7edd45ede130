<?php
// PHP's own SoapServer (ext/soap, what 2Checkout runs) over our WSDL answers one request body read
// from a file, and prints the answer. Used to check what PHP says to bodies that never reach an
// operation (not a SOAP envelope, malformed XML, no Body), so the sandbox can answer the same.
// Usage: php php_server_answer.php WSDL REQUEST_FILE
declare(strict_types=1);
require __DIR__ . '/../../../scripts/lib/php-strict.php';

[$self, $wsdl, $requestFile] = $argv + array_fill(0, 3, null);
if ($requestFile === null) {
    fwrite(STDERR, "usage: php php_server_answer.php WSDL REQUEST_FILE\n");
    exit(2);
}

/** Any operation that is reached answers a string; these cases should never get that far. */
final class Reached
{
    public function __call(string $name, array $args): string
    {
        return "reached $name";
    }
}

$server = new SoapServer($wsdl, ['soap_version' => SOAP_1_1, 'cache_wsdl' => WSDL_CACHE_NONE]);
$server->setObject(new Reached());
// A fault ends the script from inside handle() after printing the fault envelope.
$server->handle(file_get_contents($requestFile));
