// Starts Web Chat on the built-in Direct Line: the token comes from this host, never the secret.
(function () {
  'use strict';

  var styleOptions = {
    accent: '#2f6f73',
    backgroundColor: '#ffffff',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    bubbleBackground: '#f4f7f6',
    bubbleBorderColor: '#d5e0dd',
    bubbleBorderRadius: 12,
    bubbleBorderWidth: 1,
    bubbleTextColor: '#1f2d2b',
    bubbleFromUserBackground: '#dcefea',
    bubbleFromUserBorderColor: '#b9d8d0',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBorderWidth: 1,
    bubbleFromUserTextColor: '#1f2d2b',
    botAvatarInitials: 'CB',
    botAvatarBackgroundColor: '#2f6f73',
    userAvatarInitials: '',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#2f6f73',
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: '#24585b',
    suggestedActionHeight: 40,
    sendBoxButtonColor: '#2f6f73',
    sendBoxButtonColorOnHover: '#24585b',
    hideUploadButton: true,
    timestampColor: '#4d5f5c'
  };

  function showError(error) {
    if (window.console) {
      window.console.error('CoachBot chat could not start', error);
    }
    document.getElementById('cb-error').hidden = false;
  }

  function start() {
    if (!window.WebChat) {
      showError(new Error('Web Chat bundle not loaded'));
      return;
    }
    window.fetch('/api/webchat/token', { method: 'POST', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('token request failed: ' + response.status);
        }
        return response.json();
      })
      .then(function (session) {
        var directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: window.location.origin + '/v3/directline'
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            locale: document.documentElement.lang || 'en-US',
            styleOptions: styleOptions
          },
          document.getElementById('webchat'));
      })
      .catch(showError);
  }

  start();
})();
