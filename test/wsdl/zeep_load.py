"""Loads the vendored WSDL with zeep, offline, and prints every operation of every port (and the
login signature) as JSON.

Usage: /usr/bin/python3 test/wsdl/zeep_load.py WSDL_FILE
The SOAP encoding namespace, which zeep imports on its own, is served from the local
soap-encoding.xsd next to this file; any other remote URL is refused (no network use at all).
"""
import json
import os
import sys

from zeep import Client
from zeep.transports import Transport

HERE = os.path.dirname(os.path.abspath(__file__))
SOAP_ENCODING = "http://schemas.xmlsoap.org/soap/encoding/"


class OfflineTransport(Transport):
    def load(self, url):
        if url.rstrip("/") == SOAP_ENCODING.rstrip("/"):
            with open(os.path.join(HERE, "soap-encoding.xsd"), "rb") as f:
                return f.read()
        if url.startswith(("http://", "https://")):
            raise RuntimeError("zeep tried to fetch %s: the acceptance test is offline" % url)
        return super().load(url)


def main():
    client = Client(sys.argv[1], transport=OfflineTransport(cache=None))
    out = {}
    for service in client.wsdl.services.values():
        for port in service.ports.values():
            ops = port.binding._operations
            out["%s/%s" % (service.name, port.name)] = sorted(ops.keys())
            if "login" in ops:
                out["login"] = ops["login"].input.signature()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
