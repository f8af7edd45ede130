<?php
// Runs PHP's own SoapServer over our WSDL for one request, so that wire fixtures are what ext/soap
// (the stack 2Checkout runs) really emits and decodes.
// Usage: php scripts/capture-fixtures.php WSDL REQUEST_XML CASE_JSON OUT_RESPONSE_XML OUT_RECEIVED_JSON
//   CASE_JSON: {"operation": "...", "return": <value>} or {"operation": "...", "fault": {"code": "...", "string": "..."}}
// The handler records the arguments PHP decoded (types preserved by json_encode) and answers with
// the case's return value or fault.
declare(strict_types=1);
require __DIR__ . '/lib/php-strict.php';

[$self, $wsdl, $requestFile, $caseFile, $responseOut, $receivedOut] = $argv + array_fill(0, 6, null);
if ($receivedOut === null) {
    fwrite(STDERR, "usage: php capture-fixtures.php WSDL REQUEST_XML CASE_JSON OUT_RESPONSE_XML OUT_RECEIVED_JSON\n");
    exit(2);
}
$case = json_decode(file_get_contents($caseFile), true, 512, JSON_THROW_ON_ERROR);

/** JSON objects arrive as PHP assoc arrays; SoapServer encodes those as structs, lists as SOAP-ENC arrays. */
final class CaseHandler
{
    public array $received = [];
    public function __construct(private array $case) {}
    public function __call(string $name, array $args): mixed
    {
        $this->received = ['operation' => $name, 'args' => $args];
        if ($name !== $this->case['operation']) {
            throw new SoapFault('Client', "unexpected operation $name");
        }
        if (isset($this->case['fault'])) {
            throw new SoapFault($this->case['fault']['code'], $this->case['fault']['string']);
        }
        return $this->case['return'];
    }
}

$handler = new CaseHandler($case);
$server = new SoapServer($wsdl, ['soap_version' => SOAP_1_1, 'cache_wsdl' => WSDL_CACHE_NONE]);
$server->setObject($handler);
ob_start();
$server->handle(file_get_contents($requestFile));
$response = ob_get_clean();
file_put_contents($responseOut, $response);
file_put_contents(
    $receivedOut,
    json_encode($handler->received, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION) . "\n"
);
