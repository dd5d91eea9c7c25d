/* unknot's service worker. CONFIG (release, pages, assets, data) is written in by the server.

   Pages and JSON: the network first, so what you see is current, and the cached
   copy when the network is gone. Static files: the cache first; their URLs carry
   a content hash, so a cached copy is never stale. Writes (POST, PUT) are never
   touched here: the pages queue them in an outbox and resend them. */
"use strict";
const CACHE = `unknot-${CONFIG.release}`;
const NETWORK_WAIT_MS = 4000;
const KEEP_API = [/^\/api\/v1\/sessions$/, /^\/api\/v1\/techniques(\/[^/]+(\/figure)?)?$/, /^\/api\/v1\/preferences$/, /^\/api\/v1\/journal$/];

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(CONFIG.pages.concat(CONFIG.assets));
    await Promise.all(CONFIG.data.map((url) => cache.add(url).catch(() => null)));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("unknot-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
  // Then, without holding anything up: every technique, as JSON and as its page.
  saveLibrary();
});

async function saveLibrary() {
  try {
    const cache = await caches.open(CACHE);
    const list = await (await fetch("/api/v1/techniques")).json();
    const urls = [];
    for (const item of list.items || []) urls.push(`/api/v1/techniques/${item.id}`, `/library/${item.id}`);
    for (let n = 0; n < urls.length; n += 4) {
      await Promise.all(urls.slice(n, n + 4).map(async (url) => {
        if (!(await cache.match(url))) await cache.add(url).catch(() => null);
      }));
    }
  } catch (e) {
    /* offline or the server is busy: pages are still cached as they are visited */
  }
}

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("slow network")), ms));
}

async function networkFirst(request, { ignoreSearch = false, keep = true } = {}) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([fetch(request), timeout(NETWORK_WAIT_MS)]);
    if (keep && response.ok) cache.put(request, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(request, { ignoreSearch });
    if (cached) return cached;
    throw e;
  }
}

function offlinePage() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · unknot</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main>
<h1>You're offline</h1><p>This page hasn't been saved on this device yet. Your saved routines still work.</p>
<p><a href="/">Go to the start</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    const keep = CONFIG.pages.includes(url.pathname) || url.pathname.startsWith("/library/");
    event.respondWith(networkFirst(request, { ignoreSearch: true, keep }).catch(async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match(url.pathname)) || offlinePage();
    }));
    return;
  }
  if (url.pathname.startsWith("/static/")) {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) cache.put(request, response.clone());
      return response;
    })());
    return;
  }
  if (url.pathname.startsWith("/api/")) {
    const keep = KEEP_API.some((re) => re.test(url.pathname));
    event.respondWith(networkFirst(request, { keep }).catch(() => new Response(
      JSON.stringify({ detail: "You seem to be offline, and this hasn't been saved on this device." }),
      { status: 503, headers: { "Content-Type": "application/json", "X-Unknot-Offline": "1" } })));
  }
});
