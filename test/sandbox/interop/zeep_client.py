"""zeep against the sandbox: log in, read, update, create customers. Prints a JSON report.

Usage: /usr/bin/python3 zeep_client.py WSDL_URL
The SOAP encoding schema zeep imports is served from a local minimal copy; zeep may talk to the
sandbox on 127.0.0.1 only, never to the network.
"""
import datetime
import hashlib
import hmac
import json
import os
import sys

from zeep import Client
from zeep.exceptions import Fault
from zeep.helpers import serialize_object
from zeep.transports import Transport

HERE = os.path.dirname(os.path.abspath(__file__))
SOAP_ENCODING = "http://schemas.xmlsoap.org/soap/encoding/"
ENCODING_XSD_CANDIDATES = [
    os.path.join(HERE, "..", "..", "wsdl", "soap-encoding.xsd"),
    os.path.join(HERE, "soap-encoding.xsd"),
]


class LocalTransport(Transport):
    def load(self, url):
        if url.rstrip("/") == SOAP_ENCODING.rstrip("/"):
            for candidate in ENCODING_XSD_CANDIDATES:
                if os.path.exists(candidate):
                    with open(candidate, "rb") as f:
                        return f.read()
            raise RuntimeError("no local soap-encoding.xsd found")
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError("zeep tried to fetch %s: only the local sandbox is allowed" % url)
        return super().load(url)


def login_hash(code, date, key):
    source = "%d%s%d%s" % (len(code.encode()), code, len(date.encode()), date)
    return hmac.new(key.encode(), source.encode(), hashlib.sha256).hexdigest()


def main():
    client = Client(sys.argv[1], transport=LocalTransport(cache=None, timeout=10, operation_timeout=10))
    service = client.service
    report = {}
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    session = service.login("DEMO", date, login_hash("DEMO", date, "DEMO_SECRET_KEY"), "sha256")
    report["sessionLength"] = len(session)

    customer = service.getCustomerInformation(session, 1002, "CRM-0002")
    report["read"] = serialize_object(customer, dict)

    customer.Phone = "+1 703 555 0199"
    report["updated"] = service.updateCustomerInformation(session, customer, False)

    factory = client.type_factory("ns0")
    new = factory.Customer(
        ExternalCustomerReference="ZEEP-%s" % date.replace(" ", "T"),
        FirstName="Grace",
        LastName="Zeep & <Python>",
        Address1="1 Harbor Rd",
        City="Arlington",
        Zip="22201",
        CountryCode="us",
        Email="grace.zeep@example.com",
        Language="en",
    )
    created = service.createCustomer(session, new)
    report["created"] = created
    report["createdRead"] = serialize_object(service.getCustomerInformation(session, created, new.ExternalCustomerReference), dict)

    try:
        service.getCustomerInformation(session, 999, "")
        report["notFound"] = None
    except Fault as fault:
        report["notFound"] = {"code": fault.code, "message": fault.message}

    print(json.dumps(report, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
