// Preloaded with `node --require` before the Playground's CLI: the CLI has no host option and listens on every
// interface, so a listen() that names no host is bound to 127.0.0.1 instead. Nothing else is changed.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): insert the host when the next argument is not one.
    if (typeof args[1] !== 'string') {
      args.splice(1, 0, '127.0.0.1');
    }
  } else if (first !== null && typeof first === 'object' && !Array.isArray(first) && first.host === undefined && first.path === undefined && first.fd === undefined && !('_handle' in first)) {
    args[0] = { ...first, host: '127.0.0.1' };
  } else if (first === undefined || typeof first === 'function') {
    // listen() or listen(callback): a random port on loopback.
    args.unshift(0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
