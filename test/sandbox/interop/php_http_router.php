<?php
// A router for PHP's built-in web server (php -S HOST:PORT php_http_router.php) that hands every
// request to PHP's own SoapServer over our WSDL (WSDL in the environment), the way a PHP service
// such as 2Checkout's sits behind a web server: SoapServer::handle() reads the method, the query
// string and php://input itself. Every WSDL operation is a real method (so SOAP headers are
// dispatched, and refused, as they would be by a service class), and each one answers with a
// fault REACHED whose faultstring is the JSON of the arguments PHP decoded, so a test can tell
// "PHP refused the request" from "PHP handed it to the service", and with which values.
declare(strict_types=1);
ini_set('soap.wsdl_cache_enabled', '0');
ini_set('display_errors', '0');

$wsdl = getenv('WSDL');
$methods = '';
// The operations as PHP itself reads them from the WSDL ("ReturnType name(Type $part, ...)").
foreach ((new SoapClient($wsdl, ['cache_wsdl' => WSDL_CACHE_NONE]))->__getFunctions() as $signature) {
    if (!preg_match('/^\S+ ([A-Za-z_][A-Za-z0-9_]*)\(/', $signature, $m)) {
        throw new RuntimeException("unexpected signature $signature");
    }
    $methods .= "public function {$m[1]}(...\$args) { reached('{$m[1]}', \$args); }\n";
}

function reached(string $op, array $args): never
{
    throw new SoapFault('REACHED', $op . ' ' . json_encode($args, JSON_PRESERVE_ZERO_FRACTION | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PARTIAL_OUTPUT_ON_ERROR));
}

eval("final class Service {\n$methods}");

$server = new SoapServer($wsdl, ['soap_version' => SOAP_1_1, 'cache_wsdl' => WSDL_CACHE_NONE]);
$server->setClass('Service');
$server->handle();
