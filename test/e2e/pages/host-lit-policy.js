// The host page's own Lit (or another library) has already created the "lit-html" policy.
window.__hostPolicy = window.trustedTypes.createPolicy('lit-html', { createHTML: (s) => s });
