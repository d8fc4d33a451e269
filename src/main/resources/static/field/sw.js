// The field page's service worker: keeps the page itself (HTML, script, style) so that it opens after a reload with
// no network, to show and later send what is queued. It never touches the APIs: those go to the network as they are.
'use strict';
const SHELL = 'mitan-field-v1';
const FILES = ['/field/', '/field/field.js', '/field/field.css', '/field/manifest.webmanifest'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== SHELL).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const file = url.pathname === '/field/index.html' ? '/field/' : url.pathname;
  if (!FILES.includes(file)) return;
  // The network first (a new version shows at once); the kept copy when there is no network, or when the network
  // has not answered in 4 seconds.
  const network = fetch(event.request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(SHELL).then(cache => cache.put(file, copy));
    }
    return response;
  });
  const kept = () => caches.match(file);
  const slow = new Promise(resolve => setTimeout(resolve, 4000)).then(kept);
  event.respondWith(Promise.race([network.catch(kept), slow.then(copy => copy || network)])
    .then(response => response || network)
    .catch(() => kept().then(copy => copy || Response.error())));
});
