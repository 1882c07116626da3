// Answers before applications (issue 8): while someone types the description on the application
// form or the question form, ask /api/v1/suggestions for published information that may already
// answer it and show it in the form ("这是否是您要找的信息？"). Progressive enhancement only: without
// this script the server shows the same suggestions on a confirmation page before final submission.
(function () {
  'use strict';
  var MIN_LENGTH = 4;
  var MAX_QUERY = 300; // the server only needs the first phrases; keeps the URL short
  var PAUSE_MS = 600;

  function setup(box) {
    var form = box.closest('form');
    if (!form || !window.fetch) return;
    var agency = box.getAttribute('data-suggest-agency');
    var kind = box.getAttribute('data-suggest-form') || 'apply';
    var inputs = (box.getAttribute('data-suggest-inputs') || '').split(' ')
      .map(function (id) { return document.getElementById(id); })
      .filter(function (el) { return el !== null; });
    var tokenField = form.querySelector('input[name="suggestion"]');
    var doneField = form.querySelector('input[name="suggest_done"]');
    if (inputs.length === 0 || !tokenField || !doneField) return;

    var timer = null;
    var requested = null; // the text of the last request
    var shownFor = null; // the text whose suggestions (possibly none) are on screen
    var seq = 0;

    function text() {
      return inputs.map(function (el) { return el.value; }).join('\n').trim();
    }

    function el(tag, className, content) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (content !== undefined) node.textContent = content;
      return node;
    }

    function render(items) {
      box.textContent = '';
      if (items.length === 0) {
        box.hidden = true;
        return;
      }
      box.appendChild(el('h2', 'suggest-title', box.getAttribute('data-title')));
      box.appendChild(el('p', 'hint', box.getAttribute('data-hint')));
      var list = el('ul', 'suggest-list');
      items.forEach(function (item) {
        var li = el('li');
        var a = el('a', '', item.title);
        a.href = item.href;
        a.target = '_blank';
        a.rel = 'noopener';
        a.appendChild(el('span', 'visually-hidden', box.getAttribute('data-new-window')));
        li.appendChild(a);
        var label = box.getAttribute(item.kind === 'question' ? 'data-kind-question' : 'data-kind-document');
        li.appendChild(el('span', 'suggest-meta', label + ' · ' + item.publishedOn));
        if (item.snippet && item.snippet.length) {
          var p = el('p', 'suggest-snippet');
          item.snippet.forEach(function (s) { p.appendChild(s.match ? el('mark', '', s.text) : document.createTextNode(s.text)); });
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      box.appendChild(list);
      box.hidden = false;
    }

    function ask() {
      var q = text();
      if (q === requested) return;
      requested = q;
      if (q.replace(/\s/g, '').length < MIN_LENGTH) {
        render([]);
        shownFor = null;
        return;
      }
      var mine = ++seq;
      var url = '/api/v1/suggestions?agency=' + encodeURIComponent(agency) + '&form=' + encodeURIComponent(kind) +
        '&q=' + encodeURIComponent(q.slice(0, MAX_QUERY)) + (tokenField.value ? '&s=' + encodeURIComponent(tokenField.value) : '');
      fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (data) {
          if (mine !== seq || !data) return;
          if (data.token) tokenField.value = data.token;
          render(data.items || []);
          shownFor = q;
        })
        .catch(function () { /* the confirmation page still shows them */ });
    }

    inputs.forEach(function (input) {
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(ask, PAUSE_MS);
      });
    });
    if (text() !== '') ask();

    form.addEventListener('submit', function () {
      // The person saw the suggestions for exactly this text (all of it was searched): the server
      // need not show them again on a confirmation page.
      var q = text();
      doneField.value = shownFor !== null && shownFor === q && q.length <= MAX_QUERY ? '1' : '';
    });
  }

  var boxes = document.querySelectorAll('.suggest-box[data-suggest-agency]');
  for (var i = 0; i < boxes.length; i++) setup(boxes[i]);
})();
