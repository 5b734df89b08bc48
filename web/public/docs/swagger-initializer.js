// Swagger UI over the server's own OpenAPI description. A file of its own (not
// an inline script) so the page works under Content-Security-Policy script-src 'self'.
(function () {
  'use strict';

  var CSRF_COOKIE = 'nicecream_history_csrf';
  var CSRF_HEADER = 'X-Csrf-Token';

  function readCookie(name) {
    var pairs = document.cookie ? document.cookie.split(';') : [];
    for (var i = 0; i < pairs.length; i++) {
      var separator = pairs[i].indexOf('=');
      if (separator < 0) continue;
      if (pairs[i].slice(0, separator).trim() === name) {
        try {
          return decodeURIComponent(pairs[i].slice(separator + 1).trim());
        } catch (e) {
          return pairs[i].slice(separator + 1).trim();
        }
      }
    }
    return null;
  }

  window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: true,
      withCredentials: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      plugins: [SwaggerUIBundle.plugins.DownloadUrl],
      layout: 'StandaloneLayout',
      // "Try it out" on POST/DELETE needs the CSRF token the session cookie goes with.
      requestInterceptor: function (request) {
        var method = (request.method || 'GET').toUpperCase();
        if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
          var token = readCookie(CSRF_COOKIE);
          if (token !== null) request.headers[CSRF_HEADER] = token;
        }
        return request;
      },
    });
  });
})();
