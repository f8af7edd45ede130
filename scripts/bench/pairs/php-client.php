<?php
// PHP SoapClient (ext/soap): the vendor's own stack, as its samples use it, over the vendored WSDL.
declare(strict_types=1);
[$self, $wsdl, $url, $code, $secret, $customers, $offset] = $argv;
ini_set('soap.wsdl_cache_enabled', '0');
$client = new SoapClient($wsdl, ['location' => $url, 'cache_wsdl' => WSDL_CACHE_NONE, 'keep_alive' => true, 'exceptions' => true]);
$date = gmdate('Y-m-d H:i:s');
$hash = hash_hmac('sha256', strlen($code) . $code . strlen($date) . $date, $secret);
$sid = $client->login($code, $date, $hash, 'sha256');
$cpu = function (): float {
    $u = getrusage();
    return ($u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec']) * 1000 + ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) / 1000;
};
$n = (int) $offset;
$round = 0;
fwrite(STDOUT, "ready\n");
while (($line = fgets(STDIN)) !== false) {
    $line = trim($line);
    if ($line === 'exit') break;
    $count = (int) explode(' ', $line)[1];
    $round++;
    $c0 = $cpu();
    $t0 = hrtime(true);
    for ($i = 0; $i < $count; $i++, $n++) {
        $c = $client->getCustomerInformation($sid, 100000 + ($n % (int) $customers), null);
        $c->Email = "php$round-$i@example.com";
        if ($client->updateCustomerInformation($sid, $c, false) !== true) throw new Exception('update failed');
    }
    fwrite(STDOUT, sprintf("cpu %.3f wall %.3f\n", $cpu() - $c0, (hrtime(true) - $t0) / 1e6));
}
