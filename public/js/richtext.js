/*
 * Rich-text editing for document bodies (正文): progressive enhancement of a <textarea>, no build step, no dependency.
 *
 * Markup: a wrapper with data-richtext around a labelled textarea. Without JavaScript the plain textarea works as
 * before. With it, the textarea stays in the form as the source of truth: it is hidden (still submitted), the editor
 * writes its HTML back into it on input (debounced) and on submit, and "查看源代码" shows it again for HTML editing.
 * A body that is not edited is submitted exactly as the server rendered it.
 *
 * The cleaning below (Word's <o:p>, mso-* styles, classes, <font>, conditional comments…) is a convenience so that
 * what the clerk sees while editing is what will be published. It is NOT a security boundary: the server sanitises
 * every submitted body (src/documents/sanitize.ts) whatever the browser sends. Even so, pasted or typed HTML never
 * reaches innerHTML: it is parsed into an inert document with DOMParser and only allowed nodes are rebuilt, with
 * createElement/createTextNode, so nothing in it can run while it is being edited.
 */
(function () {
  'use strict';

  // Built nodes live in an inert document until they are inserted: an <img> built here does not load anything.
  const INERT = document.implementation.createHTMLDocument('');

  // What a paste keeps: the structure of an official document, nothing decorative.
  const PASTE_TAGS = new Set([
    'p', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 'ul', 'ol', 'li',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'br',
  ]);
  // What a stored body keeps when it is loaded for editing: everything the server's allow-list keeps (except the
  // span/div wrappers it drops itself), so that editing an existing document never loses content.
  const LOAD_TAGS = new Set([
    ...PASTE_TAGS, 'h5', 'h6', 's', 'sub', 'sup', 'blockquote', 'caption', 'img', 'hr', 'pre', 'code',
  ]);
  const RENAME = new Map([['b', 'strong'], ['i', 'em'], ['h1', 'h2']]);
  // Dropped together with their content (Word's <o:p> holds only &nbsp;; v:* is VML drawing markup).
  const DROP = new Set([
    'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'head',
    'title', 'meta', 'link', 'base', 'xml', 'svg', 'math', 'form', 'input', 'button', 'select', 'textarea', 'option',
    'canvas', 'video', 'audio', 'o:p',
  ]);
  // Elements that hold paragraphs; an unknown element of this kind (div, section…) marks a paragraph boundary.
  const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'pre', 'hr']);
  const BLOCKISH = new Set([
    'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'center', 'address', 'figure',
    'figcaption', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'h5', 'h6', 'caption', 'body',
  ]);
  // Containers that may hold text only inside their cells or items.
  const NO_TEXT = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr']);
  // Removed when they hold nothing visible (Word's empty paragraphs, empty formatting left behind).
  const PRUNE_EMPTY = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'strong', 'em', 'u', 's', 'sub', 'sup', 'code', 'a', 'blockquote', 'pre']);
  const TRIM = 'p, h2, h3, h4, h5, h6, li, td, th, caption';
  const HAS_TAGS = /<[a-z!/][^>]*>/i; // the same test the server uses to tell HTML from plain text

  const create = (tag) => INERT.createElement(tag);

  /** Copy the attributes a kept element may carry; null when the element must be unwrapped instead. */
  function rebuild(source, tag, profile) {
    const el = create(tag);
    const attr = (name) => (source.getAttribute(name) || '').trim();
    const copy = (name, pattern) => {
      const value = attr(name);
      if (value && pattern.test(value)) el.setAttribute(name, value);
    };
    if (tag === 'a') {
      const href = attr('href');
      const schemes = profile === LOAD_TAGS ? /^(https?:\/\/|mailto:)/i : /^https?:\/\//i;
      if (!schemes.test(href)) return null; // Word's bookmarks (<a name>) and local links: keep the text only
      el.setAttribute('href', href);
      if (profile === LOAD_TAGS) copy('title', /./);
    } else if (tag === 'img') {
      const src = attr('src');
      if (!/^(https?:\/\/|data:image\/)/i.test(src)) return null;
      el.setAttribute('src', src);
      copy('alt', /[\s\S]/);
      copy('width', /^\d+$/);
      copy('height', /^\d+$/);
    } else if (tag === 'td' || tag === 'th') {
      copy('colspan', /^\d+$/);
      copy('rowspan', /^\d+$/);
      if (tag === 'th') copy('scope', /^(row|col|rowgroup|colgroup)$/);
    } else if (tag === 'ol' && profile === LOAD_TAGS) {
      copy('start', /^\d+$/);
      copy('type', /^[1aAiI]$/);
    }
    return el;
  }

  function containsBlock(parent) {
    return Array.from(parent.childNodes).some((n) => n.nodeType === 1 && BLOCKS.has(n.localName));
  }

  function hasVisibleText(nodes) {
    return nodes.some((n) => (n.nodeType === 3 ? /\S/.test(n.data.replace(/[\u00a0\u3000]/g, ' ')) : n.nodeType === 1 && (n.localName === 'img' || /\S/.test((n.textContent || '').replace(/[\u00a0\u3000]/g, ' ')))));
  }

  /** Wrap each run of loose inline content of a container into a paragraph; drop runs that are only whitespace. */
  function wrapRuns(container) {
    let run = [];
    const flush = (before) => {
      if (run.length && hasVisibleText(run)) {
        const p = create('p');
        container.insertBefore(p, before);
        for (const n of run) p.appendChild(n);
      } else {
        for (const n of run) n.remove();
      }
      run = [];
    };
    for (const node of Array.from(container.childNodes)) {
      if (node.nodeType === 1 && BLOCKS.has(node.localName)) flush(node);
      else run.push(node);
    }
    flush(null);
  }

  /** Rebuild the allowed part of source's children into out. Comments (Word's conditional comments) never pass. */
  function cleanChildren(source, out, profile, inPre) {
    const outName = out.nodeType === 1 ? out.localName : '';
    for (const node of Array.from(source.childNodes)) {
      if (node.nodeType === 3) {
        if (NO_TEXT.has(outName)) continue;
        const text = inPre ? node.data : node.data.replace(/[ \t\n\r\f]+/g, ' ');
        if (text) out.appendChild(INERT.createTextNode(text));
        continue;
      }
      if (node.nodeType !== 1) continue;
      const name = node.localName.toLowerCase();
      if (DROP.has(name) || name.startsWith('v:')) continue;
      if (/mso-list:\s*ignore/i.test(node.getAttribute('style') || '') && profile === PASTE_TAGS) {
        // Word's typed-out list number ("1." plus padding): keep the number, lose the padding spans.
        const number = (node.textContent || '').replace(/[\s\u00a0]+/g, ' ').trim();
        if (number) out.appendChild(INERT.createTextNode(`${number} `));
        continue;
      }
      const tag = RENAME.get(name) || name;
      const el = profile.has(tag) ? rebuild(node, tag, profile) : null;
      if (el) {
        cleanChildren(node, el, profile, inPre || tag === 'pre');
        out.appendChild(el);
      } else if (BLOCKISH.has(name)) {
        const part = INERT.createDocumentFragment();
        cleanChildren(node, part, profile, inPre);
        if (containsBlock(part)) {
          wrapRuns(part);
          out.appendChild(part);
        } else if (/^(p|h\d|strong|em|u|s|sub|sup|code|a)$/.test(outName) || !hasVisibleText(Array.from(part.childNodes))) {
          out.appendChild(part); // a paragraph cannot hold a paragraph: keep the text in line
        } else {
          const p = create('p');
          p.appendChild(part);
          out.appendChild(p);
        }
      } else {
        cleanChildren(node, out, profile, inPre); // span, font, st1:*, unknown inline wrappers: keep the content
      }
    }
  }

  /** Remove empty formatting and paragraphs, trim the edges of blocks, drop a trailing <br>. */
  function tidy(root) {
    for (const el of Array.from(root.querySelectorAll('*')).reverse()) {
      if (PRUNE_EMPTY.has(el.localName) && !el.querySelector('img, hr, table') && !hasVisibleText(Array.from(el.childNodes))) {
        el.remove();
      }
    }
    for (const block of root.querySelectorAll(TRIM)) {
      while (block.lastChild && block.lastChild.nodeType === 1 && block.lastChild.localName === 'br') block.lastChild.remove();
      trimEdge(block, true);
      trimEdge(block, false);
    }
  }

  function trimEdge(block, start) {
    const walker = INERT.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    if (!start) nodes.reverse();
    for (const node of nodes) {
      if (node.nodeType === 1) {
        if (node.localName === 'br' || node.localName === 'img') return;
        continue;
      }
      node.data = start ? node.data.replace(/^ +/, '') : node.data.replace(/ +$/, '');
      if (node.data) return;
      node.remove();
    }
  }

  /** Clean HTML (pasted or stored) into a fragment of allowed nodes. */
  function fromHtml(html, profile) {
    const doc = new DOMParser().parseFromString(html, 'text/html'); // inert: nothing in it runs or loads
    const fragment = INERT.createDocumentFragment();
    cleanChildren(doc.body, fragment, profile, false);
    tidy(fragment);
    return fragment;
  }

  /** Plain text: one paragraph per non-empty line (the server does the same with a plain-text body). */
  function fromText(text) {
    const fragment = INERT.createDocumentFragment();
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      const p = create('p');
      p.textContent = trimmed;
      fragment.appendChild(p);
    }
    return fragment;
  }

  /** Serialize a fragment; the textarea gets one top-level block per line so the source view stays readable. */
  function serialize(fragment, separator = '') {
    const box = create('div');
    return Array.from(fragment.childNodes)
      .map((node) => {
        box.replaceChildren(node.cloneNode(true));
        return box.innerHTML;
      })
      .join(separator);
  }

  /** Clean the editor's own DOM (which the browser may fill with <b>, <div>, style spans) into the submitted HTML. */
  function editorHtml(area) {
    const fragment = INERT.createDocumentFragment();
    cleanChildren(area, fragment, LOAD_TAGS, false);
    wrapRuns(fragment);
    tidy(fragment);
    return serialize(fragment, '\n');
  }

  /** The textarea's value as editor content: stored or typed HTML cleaned, or plain text as paragraphs. */
  function contentOf(value) {
    const fragment = HAS_TAGS.test(value) ? fromHtml(value, LOAD_TAGS) : fromText(value);
    wrapRuns(fragment);
    if (!fragment.hasChildNodes()) {
      const p = create('p');
      p.appendChild(create('br')); // an empty paragraph to type into, so the first line is a <p> too
      fragment.appendChild(p);
    }
    return fragment;
  }

  const BUTTONS = [
    { key: 'p', label: '段落', block: 'p' },
    { key: 'h2', label: '标题二', block: 'h2' },
    { key: 'h3', label: '标题三', block: 'h3' },
    { key: 'bold', label: '加粗', command: 'bold', shortcut: 'Control+B' },
    { key: 'italic', label: '倾斜', command: 'italic', shortcut: 'Control+I' },
    { key: 'ol', label: '有序列表', command: 'insertOrderedList' },
    { key: 'ul', label: '无序列表', command: 'insertUnorderedList' },
    { key: 'link', label: '插入链接' },
    { key: 'clear', label: '清除格式', command: 'removeFormat' },
    { key: 'source', label: '查看源代码' },
  ];
  const PRESSABLE = new Set(['p', 'h2', 'h3', 'bold', 'italic', 'ol', 'ul', 'source']);

  /** Labels rendered by the server (converted to 繁體 with the rest of the page when the visitor chose it). */
  function serverLabels(wrapper) {
    try {
      return JSON.parse(wrapper.getAttribute('data-rte-labels') || '{}');
    } catch {
      return {};
    }
  }

  function enhance(wrapper) {
    const labels = serverLabels(wrapper);
    const textarea = wrapper.querySelector('textarea');
    if (!textarea || !textarea.id || wrapper.querySelector('.rte')) return;
    const form = textarea.form;
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    if (label && !label.id) label.id = `${textarea.id}-label`;

    const box = document.createElement('div');
    box.className = 'rte';
    const toolbar = document.createElement('div');
    toolbar.className = 'rte-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', `${label ? label.textContent.trim() : ''}${labels.toolbar || '格式工具栏'}`);
    const area = document.createElement('div');
    area.className = 'rte-area';
    area.id = `${textarea.id}-editor`;
    area.contentEditable = 'true';
    area.setAttribute('role', 'textbox');
    area.setAttribute('aria-multiline', 'true');
    if (label) area.setAttribute('aria-labelledby', label.id);
    for (const name of ['aria-describedby', 'aria-invalid', 'aria-required']) {
      const value = textarea.getAttribute(name);
      if (value) area.setAttribute(name, value);
    }
    toolbar.setAttribute('aria-controls', area.id);

    const buttons = new Map();
    for (const spec of BUTTONS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `rte-button rte-${spec.key}`;
      const text = labels[spec.key] || spec.label;
      button.textContent = text;
      button.setAttribute('aria-label', text);
      button.dataset.command = spec.key;
      if (spec.shortcut) button.setAttribute('aria-keyshortcuts', spec.shortcut);
      if (PRESSABLE.has(spec.key)) button.setAttribute('aria-pressed', 'false');
      if (spec.key === 'source') button.setAttribute('aria-controls', textarea.id);
      buttons.set(spec.key, button);
      toolbar.appendChild(button);
    }

    // 插入链接 asks for the address in an inline panel, not a browser pop-up (适老化: no pop-ups).
    const linkPanel = document.createElement('div');
    linkPanel.className = 'rte-link-panel';
    linkPanel.hidden = true;
    const linkLabel = document.createElement('label');
    linkLabel.htmlFor = `${textarea.id}-link`;
    linkLabel.textContent = labels.linkAddress || '链接地址（以 http:// 或 https:// 开头）';
    const linkInput = document.createElement('input');
    linkInput.type = 'url';
    linkInput.id = `${textarea.id}-link`;
    linkInput.autocomplete = 'url';
    const linkError = document.createElement('p');
    linkError.className = 'error';
    linkError.id = `${textarea.id}-link-error`;
    linkError.setAttribute('role', 'alert');
    const linkApply = document.createElement('button');
    linkApply.type = 'button';
    linkApply.className = 'button';
    linkApply.textContent = labels.linkApply || '插入';
    const linkCancel = document.createElement('button');
    linkCancel.type = 'button';
    linkCancel.className = 'button secondary';
    linkCancel.textContent = labels.linkCancel || '取消';
    linkPanel.append(linkLabel, linkError, linkInput, linkApply, linkCancel);

    textarea.parentNode.insertBefore(box, textarea);
    box.append(toolbar, linkPanel, area, textarea);
    area.replaceChildren(contentOf(textarea.value));
    textarea.hidden = true;

    let dirty = false; // until the clerk edits, the textarea keeps exactly what the server rendered
    let sourceMode = false;
    let savedRange = null;
    let timer = 0;

    const sync = () => {
      clearTimeout(timer);
      if (dirty && !sourceMode) textarea.value = editorHtml(area);
    };
    const changed = () => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(sync, 300);
    };

    document.execCommand('defaultParagraphSeparator', false, 'p');

    function restoreSelection() {
      // selectionchange arrives asynchronously: while the caret is in the editor, the live selection is the truth.
      const selection = document.getSelection();
      if (document.activeElement === area && selection && selection.rangeCount && area.contains(selection.getRangeAt(0).startContainer)) return;
      area.focus();
      if (savedRange) {
        const selection = document.getSelection();
        selection.removeAllRanges();
        selection.addRange(savedRange);
      }
    }

    function updateState() {
      const selection = document.getSelection();
      let node = selection && selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
      const found = {};
      for (; node && node !== area; node = node.parentNode) {
        if (node.nodeType !== 1) continue;
        const name = node.localName;
        if (!found.block && /^(p|h\d|li)$/.test(name)) found.block = name;
        if (!found.list && (name === 'ol' || name === 'ul')) found.list = name;
        if (name === 'strong' || name === 'b') found.bold = true;
        if (name === 'em' || name === 'i') found.italic = true;
      }
      // queryCommandState knows the pending style after Ctrl+B with nothing selected; the DOM walk is the fallback.
      const state = (command, fallback) => {
        try {
          return document.queryCommandState(command);
        } catch {
          return fallback;
        }
      };
      const pressed = {
        p: found.block === 'p', h2: found.block === 'h2', h3: found.block === 'h3',
        bold: state('bold', !!found.bold), italic: state('italic', !!found.italic),
        ol: found.list === 'ol', ul: found.list === 'ul',
      };
      for (const [key, value] of Object.entries(pressed)) buttons.get(key).setAttribute('aria-pressed', String(value));
    }

    function exec(command, value) {
      restoreSelection();
      document.execCommand(command, false, value);
      changed();
      updateState();
    }

    /** Insert cleaned nodes at the caret; execCommand keeps the browser's undo history and block merging. */
    function insertFragment(fragment) {
      if (!fragment.hasChildNodes()) return;
      const only = fragment.childNodes.length === 1 ? fragment.firstChild : null;
      if (only && only.nodeType === 1 && only.localName === 'p') {
        // One paragraph (a line of text, a few words from a web page) joins the paragraph at the caret.
        fragment.replaceChildren(...only.childNodes);
      }
      const html = serialize(fragment);
      if (!document.execCommand('insertHTML', false, html)) {
        const selection = document.getSelection();
        if (!selection || !selection.rangeCount) return;
        const range = selection.getRangeAt(0);
        range.deleteContents();
        const nodes = document.importNode(fragment, true);
        const last = nodes.lastChild;
        range.insertNode(nodes);
        if (last) {
          range.setStartAfter(last);
          range.collapse(true);
        }
      }
      changed();
      updateState();
    }

    function insertLink() {
      restoreSelection();
      let current = '';
      for (let n = savedRange ? savedRange.startContainer : null; n && n !== area; n = n.parentNode) {
        if (n.nodeType === 1 && n.localName === 'a') current = n.getAttribute('href') || '';
      }
      linkInput.value = current || 'https://';
      linkError.textContent = '';
      linkInput.removeAttribute('aria-invalid');
      linkInput.removeAttribute('aria-describedby');
      linkPanel.hidden = false;
      linkInput.focus();
    }

    function closeLinkPanel() {
      linkPanel.hidden = true;
      restoreSelection();
    }

    function applyLink() {
      const href = linkInput.value.trim();
      if (!/^https?:\/\/[^\s]+$/i.test(href) || /^https?:\/\/$/i.test(href)) {
        linkError.textContent = labels.linkError || '链接地址须以 http:// 或 https:// 开头，请重新输入。';
        linkInput.setAttribute('aria-invalid', 'true');
        linkInput.setAttribute('aria-describedby', linkError.id);
        linkInput.focus();
        return;
      }
      linkPanel.hidden = true;
      // Focus is in the address field: restoreSelection puts back the selection saved while the caret was in the editor.
      restoreSelection();
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed) {
        exec('createLink', href);
      } else {
        const a = create('a');
        a.setAttribute('href', href);
        a.textContent = href;
        const fragment = INERT.createDocumentFragment();
        fragment.appendChild(a);
        insertFragment(fragment);
      }
    }

    linkApply.addEventListener('click', applyLink);
    linkCancel.addEventListener('click', closeLinkPanel);
    linkInput.addEventListener('keydown', (event) => {
      // Enter would submit the whole document form; here it confirms the link.
      if (event.key === 'Enter') {
        event.preventDefault();
        applyLink();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        closeLinkPanel();
      }
    });

    function setSourceMode(on, focus = true) {
      if (on === sourceMode) return;
      if (on) {
        sync();
        sourceMode = true;
      } else {
        sourceMode = false;
        dirty = false; // the textarea, as edited in the source view, is the truth again
        area.replaceChildren(contentOf(textarea.value));
        savedRange = null;
      }
      textarea.hidden = !on;
      area.hidden = on;
      buttons.get('source').setAttribute('aria-pressed', String(on));
      for (const [key, button] of buttons) if (key !== 'source') button.disabled = on;
      if (focus) (on ? textarea : area).focus();
    }

    toolbar.addEventListener('mousedown', (event) => {
      // Keep the caret in the editor when a button is clicked with the mouse.
      if (event.target.closest('button')) event.preventDefault();
    });
    toolbar.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button || button.disabled) return;
      const key = button.dataset.command;
      const spec = BUTTONS.find((b) => b.key === key);
      if (key === 'source') setSourceMode(!sourceMode);
      else if (key === 'link') insertLink();
      else if (spec.block) exec('formatBlock', `<${spec.block}>`);
      else exec(spec.command);
    });
    toolbar.addEventListener('keydown', (event) => {
      // Arrow keys move along the toolbar as well; Tab still visits every button.
      const enabled = Array.from(buttons.values()).filter((b) => !b.disabled);
      const index = enabled.indexOf(document.activeElement);
      if (index < 0) return;
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: enabled.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      enabled[(moves[event.key] + enabled.length) % enabled.length].focus();
    });

    area.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        const key = event.key.toLowerCase();
        if (key === 'b' || key === 'i') {
          event.preventDefault();
          exec(key === 'b' ? 'bold' : 'italic');
        }
      } else if (event.altKey && event.key === 'F10') {
        event.preventDefault(); // the usual editor shortcut to reach the toolbar
        buttons.get('p').focus();
      }
    });
    area.addEventListener('input', changed);
    area.addEventListener('paste', (event) => {
      const data = event.clipboardData;
      if (!data) return; // no clipboard access: the browser pastes, and the sync still cleans what it inserted
      event.preventDefault();
      const html = data.getData('text/html');
      insertFragment(html ? fromHtml(html, PASTE_TAGS) : fromText(data.getData('text/plain')));
    });
    area.addEventListener('drop', (event) => {
      const data = event.dataTransfer;
      if (!data) return;
      event.preventDefault(); // dropped files and styled HTML go through the same cleaning as a paste
      const html = data.getData('text/html');
      const text = data.getData('text/plain');
      if (!html && !text) return;
      if (document.caretRangeFromPoint) {
        const range = document.caretRangeFromPoint(event.clientX, event.clientY);
        if (range && area.contains(range.startContainer)) {
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
      }
      insertFragment(html ? fromHtml(html, PASTE_TAGS) : fromText(text));
    });
    document.addEventListener('selectionchange', () => {
      const selection = document.getSelection();
      if (!selection || !selection.rangeCount || sourceMode) return;
      const range = selection.getRangeAt(0);
      if (!area.contains(range.commonAncestorContainer)) return;
      savedRange = range.cloneRange();
      updateState();
    });
    if (label) {
      label.addEventListener('click', (event) => {
        if (sourceMode) return;
        event.preventDefault(); // the labelled textarea is hidden: send the clerk to the editor instead
        area.focus();
      });
    }
    if (form) form.addEventListener('submit', sync);

    // A body the server refused (e.g. it contained a script) opens in the source view, so the clerk sees exactly
    // what was refused and where the error summary's link leads.
    if (textarea.getAttribute('aria-invalid') === 'true') setSourceMode(true, false);
  }

  for (const wrapper of document.querySelectorAll('[data-richtext]')) enhance(wrapper);
})();
