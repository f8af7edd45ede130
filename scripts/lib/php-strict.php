<?php
// The common start of our PHP helpers (fixture capture, WSDL load check, interop client): any
// warning, notice or deprecation fails the run on stderr (exit 3) instead of scrolling by, the WSDL
// cache is off so an edited WSDL is always re-read, and a missing ext/soap says so (exit 4).
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
