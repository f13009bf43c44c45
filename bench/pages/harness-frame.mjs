/** Resolves after the browser has rendered the current frame (call it from inside a rAF callback). */
export function afterFrame() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
}
