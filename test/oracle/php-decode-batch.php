<?php
// Decodes many SOAP requests with PHP's own SoapServer over our WSDL in one process (the oracle
// tests would spend minutes starting one PHP per request). Input (file): a JSON list of
// {"operation": "...", "xml": "..."}. Output (stdout): a JSON list of {"operation", "args"} as the
// handler received them, or {"fault": "..."} when SoapServer refused the request.
declare(strict_types=1);
require __DIR__ . '/../../scripts/lib/php-strict.php';

[$self, $wsdl, $casesFile] = $argv + array_fill(0, 3, null);
if ($casesFile === null) {
    fwrite(STDERR, "usage: php php-decode-batch.php WSDL CASES_JSON\n");
    exit(2);
}
$cases = json_decode(file_get_contents($casesFile), true, 512, JSON_THROW_ON_ERROR);

final class Recorder
{
    public ?array $received = null;
    public function __call(string $name, array $args): mixed
    {
        $this->received = ['operation' => $name, 'args' => $args];
        throw new SoapFault('Server', 'recorded');
    }
}

$out = [];
foreach ($cases as $case) {
    $recorder = new Recorder();
    $server = new SoapServer($wsdl, ['soap_version' => SOAP_1_1, 'cache_wsdl' => WSDL_CACHE_NONE]);
    $server->setObject($recorder);
    ob_start();
    $server->handle($case['xml']);
    $response = ob_get_clean();
    $out[] = $recorder->received ?? ['fault' => substr($response, 0, 500)];
}
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION), "\n";
