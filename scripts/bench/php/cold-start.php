<?php
// Cold start of the vendor's stack: a fresh PHP process loads the WSDL, logs in and reads a customer.
declare(strict_types=1);
[$self, $wsdl, $url, $code, $secret] = $argv;
ini_set('soap.wsdl_cache_enabled', '0');
$client = new SoapClient($wsdl, ['location' => $url, 'cache_wsdl' => WSDL_CACHE_NONE]);
$date = gmdate('Y-m-d H:i:s');
$sid = $client->login($code, $date, hash_hmac('sha256', strlen($code) . $code . strlen($date) . $date, $secret), 'sha256');
$client->getCustomerInformation($sid, 100000, null);
echo "ok\n";
