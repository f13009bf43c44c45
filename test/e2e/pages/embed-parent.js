// Test harness around the reference host snippet: records every nsw:resize message and points
// the iframe at ?frame=<URL of dist/embed.html with its parameters>.
window.__messages = [];
window.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'nsw:resize') {
    window.__messages.push({ height: event.data.height, fromFrame: event.source === document.getElementById('frame').contentWindow });
  }
});
const target = new URLSearchParams(location.search).get('frame');
if (target) document.getElementById('frame').src = target;
