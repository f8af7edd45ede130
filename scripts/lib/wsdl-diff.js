'use strict';
// The WSDL comparison lives in src/soap/wsdl-diff.ts (shared with `twocheckout-sync doctor`);
// scripts load that one copy through ts-require, so they work before anything is built.
require('./ts-require');
module.exports = require('../../src/soap/wsdl-diff.ts');
