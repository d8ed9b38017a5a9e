// Một Lần embed script: <mot-lan-form procedure="1.001193" lang="vi"></mot-lan-form>
// Creates a titled iframe of the form (with a link to open it on Một Lần instead), sizes it to
// its content, and passes on the form's events. It reads nothing from the page and the form
// sends it no personal data. Plain JavaScript, no dependencies.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.customElements || customElements.get('mot-lan-form')) return;
  var base = new URL(script.src).origin;

  function text(lang, vi, en) { return lang === 'en' ? en : vi; }

  class MotLanForm extends HTMLElement {
    connectedCallback() { mount(this); }
  }

  function mount(self) {
    if (self._frame) return;
    var code = (self.getAttribute('procedure') || '').replace(/[^0-9A-Za-z.\-]/g, '');
    var lang = self.getAttribute('lang') === 'en' ? 'en' : 'vi';
    var page = new URL('/nhung/' + code, base);
    page.searchParams.set('parent', location.origin);
    if (lang === 'en') page.searchParams.set('lang', 'en');

    var fallback = document.createElement('p');
    var link = document.createElement('a');
    link.href = new URL('/thu-tuc/' + code, base).href;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = text(lang, 'Nếu biểu mẫu không hiện, hãy mở biểu mẫu trên Một Lần',
      'If the form does not show, open it on Một Lần');
    fallback.appendChild(link);

    var frame = document.createElement('iframe');
    frame.src = page.href;
    frame.title = text(lang, 'Biểu mẫu dịch vụ công: thủ tục ', 'Public service form: procedure ') + code;
    frame.loading = 'lazy';
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;border:0;height:600px;overflow:hidden';
    self._frame = frame;
    self.appendChild(fallback);
    self.appendChild(frame);

    window.addEventListener('message', function (event) {
      // Only our server's frame, and only this element's frame.
      if (event.origin !== base || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== 'object' || data.v !== 1) return;
      if (data.type === 'motlan:height') {
        var height = Number(data.height);
        if (isFinite(height) && height > 0 && height < 100000) {
          frame.style.height = Math.ceil(height) + 'px';
        }
      } else if (data.type === 'motlan:step') {
        var step = Number(data.step);
        if (!isFinite(step)) return;
        self.dispatchEvent(new CustomEvent('motlan:step', {
          detail: { step: step, title: String(data.title || '').slice(0, 200) }, bubbles: true
        }));
      } else if (data.type === 'motlan:filed') {
        var filed = typeof data.code === 'string' && /^[0-9A-Za-z.\-]{1,40}$/.test(data.code) ? data.code : null;
        self.dispatchEvent(new CustomEvent('motlan:filed', { detail: { code: filed }, bubbles: true }));
      }
    });
  }

  customElements.define('mot-lan-form', MotLanForm);
})();
