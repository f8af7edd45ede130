# Cold start of zeep: a fresh Python process loads the WSDL, logs in and reads a customer.
import hashlib, hmac, os, sys
from datetime import datetime, timezone
from zeep import Client, xsd
from zeep.transports import Transport

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..')
ENC = 'http://schemas.xmlsoap.org/soap/encoding/'


class OfflineTransport(Transport):
    def load(self, url):
        if url.rstrip('/') == ENC.rstrip('/'):
            with open(os.path.join(ROOT, 'test', 'wsdl', 'soap-encoding.xsd'), 'rb') as f:
                return f.read()
        return super().load(url)


wsdl, url, code, secret = sys.argv[1:5]
svc = Client(wsdl, transport=OfflineTransport(cache=None)).create_service('{urn:order}OrderAPIBinding', url)
date = datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M:%S')
source = f'{len(code.encode())}{code}{len(date.encode())}{date}'
sid = svc.login(code, date, hmac.new(secret.encode(), source.encode(), hashlib.sha256).hexdigest(), 'sha256')
svc.getCustomerInformation(sid, 100000, xsd.Nil)
print('ok')
