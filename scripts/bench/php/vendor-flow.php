<?php
// The vendor samples' flow, run by PHP as the samples are: per record a new SoapClient from the
// service's ?wsdl (no WSDL cache), a login, a read and an update. Prints "<records> <seconds>".
declare(strict_types=1);
[$self, $url, $code, $secret, $first, $records] = $argv;
ini_set('soap.wsdl_cache_enabled', '0');
$t0 = hrtime(true);
for ($i = 0; $i < (int) $records; $i++) {
    $client = new SoapClient("$url?wsdl", ['location' => $url, 'cache_wsdl' => WSDL_CACHE_NONE]);
    $date = gmdate('Y-m-d H:i:s');
    $sid = $client->login($code, $date, hash_hmac('sha256', strlen($code) . $code . strlen($date) . $date, $secret), 'sha256');
    $c = $client->getCustomerInformation($sid, (int) $first + $i, null);
    $c->Email = "vendor$i@example.com";
    $client->updateCustomerInformation($sid, $c, false);
}
printf("%d %.3f\n", (int) $records, (hrtime(true) - $t0) / 1e9);
