'use strict';
// The WSDL model reader lives in src/soap/wsdl-model.ts (the doctor needs it at run time, from
// dist/); scripts load that one copy through ts-require, so they work before anything is built.
require('./ts-require');
module.exports = require('../../src/soap/wsdl-model.ts');
