# Python zeep over the vendored WSDL, one keep-alive requests session.
import hashlib, hmac, os, sys, time
from datetime import datetime, timezone
import requests
from zeep import Client, xsd
from zeep.transports import Transport

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..')
SOAP_ENCODING = 'http://schemas.xmlsoap.org/soap/encoding/'


class OfflineTransport(Transport):
    # The SOAP encoding schema zeep imports comes from the repository's copy: no network.
    def load(self, url):
        if url.rstrip('/') == SOAP_ENCODING.rstrip('/'):
            with open(os.path.join(ROOT, 'test', 'wsdl', 'soap-encoding.xsd'), 'rb') as f:
                return f.read()
        return super().load(url)

wsdl, url, code, secret, customers, offset = sys.argv[1:7]
customers, n = int(customers), int(offset)
client = Client(wsdl, transport=OfflineTransport(session=requests.Session(), cache=None))
svc = client.create_service('{urn:order}OrderAPIBinding', url)
date = datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M:%S')
source = f'{len(code.encode())}{code}{len(date.encode())}{date}'
sid = svc.login(code, date, hmac.new(secret.encode(), source.encode(), hashlib.sha256).hexdigest(), 'sha256')
print('ready', flush=True)
rnd = 0
for line in sys.stdin:
    line = line.strip()
    if line == 'exit':
        break
    count = int(line.split(' ')[1])
    rnd += 1
    c0, t0 = time.process_time(), time.perf_counter()
    for i in range(count):
        c = svc.getCustomerInformation(sid, 100000 + (n % customers), xsd.Nil)
        c.Email = f'zeep{rnd}-{i}@example.com'
        if svc.updateCustomerInformation(sid, c, False) is not True:
            raise SystemExit('update failed')
        n += 1
    print(f'cpu {(time.process_time() - c0) * 1000:.3f} wall {(time.perf_counter() - t0) * 1000:.3f}', flush=True)
