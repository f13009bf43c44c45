// north-star-widgets — host snippet for the embed page (dist/embed.html).
// Sizes every <iframe data-nsw-embed> to its content: the embed page posts
// { type: 'nsw:resize', height } whenever its height changes. Messages that do not come from one
// of those iframes are ignored (event.source check); the height is set as an attribute, so the
// snippet also works under a strict Content-Security-Policy. Load it as an external file.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'nsw:resize' || typeof data.height !== 'number' || !(data.height >= 0)) return;
  for (const frame of document.querySelectorAll('iframe[data-nsw-embed]')) {
    if (event.source === frame.contentWindow) frame.height = String(Math.min(Math.ceil(data.height), 10000));
  }
});
