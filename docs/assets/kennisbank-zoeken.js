/* Zoeken in de kennisbank: een zoekvak in de kop, resultaten met hun soort en bundel.
 *
 * De index (Pagefind, in pagefind/) wordt pas geladen als iemand het zoekvak gebruikt, en dan
 * in stukjes. Pagefind vouwt accenten (client = cliënt) en stamt Nederlandse woorden; hier komt
 * erbij: rangschikking naar soort pagina (het `gewicht` dat de generator per pagina meegeeft:
 * kwesties, begrippen, principes en praktijk boven literatuur), en als niets past een tweede
 * poging met minder woorden of met het begin van een lang samengesteld woord, en anders de
 * overzichten. scripts/search_eval.py meet precies deze code (window.kennisbankZoeken.zoek).
 * Alle tekst uit de index wordt als tekst in de pagina gezet, nooit als HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../", script ? script.src : location.href); // dit bestand staat in assets/
  var RANKED = 20; // zoveel treffers krijgen hun gewicht (elk een fragment van ~2 kB)
  var SHOWN = 10;
  var engine = null;

  function laad() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, excerptLength: 22 }).then(function () {
          pf.init();
          // De filters (soort, bundel, thema) laden: pas daarna telt search() ze mee.
          return pf.filters().then(function () { return pf; });
        });
      });
      engine.catch(function () {
        engine = null;
      });
    }
    return engine;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* Andere vragen om te proberen als een vraag niets oplevert, in volgorde. */
  function alternatieven(vraag) {
    var uit = [];
    var woorden = fold(vraag).toLowerCase().split(/[\s\-–—\/]+/).filter(Boolean);
    if (woorden.length > 1) {
      woorden
        .slice()
        .sort(function (a, b) { return b.length - a.length; })
        .forEach(function (weg) {
          uit.push(woorden.filter(function (w) { return w !== weg; }).join(" "));
        });
      woorden.forEach(function (w) { if (w.length > 3) uit.push(w); });
    }
    // Een samenstelling die de site zo niet kent: het begin ervan (wijkteamprofessional → wijkteam…).
    woorden.forEach(function (w) {
      for (var n = w.length - 2; n >= 5; n -= 2) uit.push(w.slice(0, n));
    });
    return uit.filter(function (v, i) { return v && v !== vraag && uit.indexOf(v) === i; });
  }

  function gewicht(data) {
    var g = parseFloat((data.meta || {}).gewicht);
    return isFinite(g) && g > 0 ? g : 1;
  }

  /* Zoekt; geeft de treffers in volgorde, elk {url, titel, soort, subsoort, bundel, uittreksel,
   * vraag} (vraag: de vraag die ze opleverde, anders dan de gestelde als die niets vond). */
  async function zoek(vraag, filters) {
    var pf = await laad();
    vraag = (vraag || "").trim();
    if (!vraag) return [];
    var opties = filters && Object.keys(filters).length ? { filters: filters } : {};
    var gebruikt = vraag;
    var gevonden = await pf.search(vraag, opties);
    if (!gevonden.results.length) {
      var probeer = alternatieven(vraag);
      for (var i = 0; i < probeer.length && i < 24; i++) {
        gevonden = await pf.search(probeer[i], opties);
        if (gevonden.results.length) { gebruikt = probeer[i]; break; }
      }
    }
    var top = gevonden.results.slice(0, RANKED);
    var data = await Promise.all(top.map(function (r) { return r.data(); }));
    var lijst = top.map(function (r, i) {
      var meta = data[i].meta || {};
      return {
        url: data[i].url,
        titel: meta.title || data[i].url,
        soort: meta.soort || "Pagina",
        subsoort: meta.subsoort || "",
        bundel: meta.bundel || "",
        uittreksel: data[i].excerpt || "",
        score: r.score * gewicht(data[i]),
        vraag: gebruikt,
      };
    });
    lijst.sort(function (a, b) { return b.score - a.score; });
    lijst.filters = gevonden.filters || {};
    return lijst;
  }

  /* ---- De zoekbox in de kop ---------------------------------------------------------- */

  function el(tag, klasse, tekst) {
    var e = document.createElement(tag);
    if (klasse) e.className = klasse;
    if (tekst != null) e.textContent = tekst;
    return e;
  }

  /* Pagefinds uittreksel als tekst met <mark>, zonder andere opmaak. */
  function uittreksel(html) {
    var p = el("p", "kb-zoek__uittreksel");
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") p.appendChild(el("mark", "", node.textContent));
      else p.appendChild(document.createTextNode(node.textContent));
    });
    return p;
  }

  function overzichten() {
    var lijst = el("ul", "kb-zoek__overzichten");
    [
      ["begrippen/", "Begrippen van A tot Z"],
      ["kwesties/", "Alle kwesties, per thema"],
      ["principes/", "Principes"],
      ["casussen/", "Praktijk"],
      ["literatuur/", "Literatuur van A tot Z"],
    ].forEach(function (item) {
      var li = el("li");
      var a = el("a", "", item[1]);
      // Vanaf schijf (make preview: geen mapadressen) wijst een map niet vanzelf naar index.html.
      a.href = new URL(item[0] + (location.protocol === "file:" ? "index.html" : ""), root).href;
      li.appendChild(a);
      lijst.appendChild(li);
    });
    return lijst;
  }

  function bouwZoekvak() {
    var kop = document.querySelector(".md-header__inner");
    if (!kop || document.getElementById("kb-zoek-invoer")) return;
    var vak = el("form", "kb-zoek");
    vak.setAttribute("role", "search");
    var label = el("label", "md-visually-hidden", "Zoek in de kennisbank");
    label.htmlFor = "kb-zoek-invoer";
    var invoer = el("input", "kb-zoek__invoer");
    invoer.id = "kb-zoek-invoer";
    invoer.type = "search";
    invoer.placeholder = "Zoeken";
    invoer.autocomplete = "off";
    invoer.spellcheck = false;
    invoer.setAttribute("aria-controls", "kb-zoek-paneel");
    var paneel = el("div", "kb-zoek__paneel");
    paneel.id = "kb-zoek-paneel";
    paneel.hidden = true;
    var filterbalk = el("div", "kb-zoek__filters");
    var status = el("p", "kb-zoek__status");
    status.setAttribute("aria-live", "polite");
    var resultaten = el("ol", "kb-zoek__resultaten");
    var extra = el("div", "kb-zoek__extra");
    paneel.append(filterbalk, status, resultaten, extra);
    vak.append(label, invoer, paneel);
    var titel = kop.querySelector(".md-header__title");
    kop.insertBefore(vak, titel ? titel.nextSibling : null);

    var gekozen = {}; // filter → waarde
    var beurt = 0;

    function toonFilters(beschikbaar) {
      filterbalk.replaceChildren();
      [["soort", "Soort"], ["bundel", "Bundel"], ["tag", "Thema"]].forEach(function (f) {
        var waarden = Object.keys(beschikbaar[f[0]] || {}).filter(function (w) {
          return beschikbaar[f[0]][w] > 0 || gekozen[f[0]] === w;
        });
        if (!waarden.length) return;
        var kies = el("select", "kb-zoek__filter");
        kies.setAttribute("aria-label", f[1]);
        kies.dataset.filter = f[0];
        kies.appendChild(el("option", "", f[1] + ": alle")).value = "";
        waarden.sort().forEach(function (w) {
          var o = el("option", "", w + " (" + beschikbaar[f[0]][w] + ")");
          o.value = w;
          o.selected = gekozen[f[0]] === w;
          kies.appendChild(o);
        });
        kies.addEventListener("change", function () {
          if (kies.value) gekozen[f[0]] = kies.value;
          else delete gekozen[f[0]];
          voerUit();
        });
        filterbalk.appendChild(kies);
      });
    }

    async function voerUit() {
      var vraag = invoer.value.trim();
      var mijn = ++beurt;
      paneel.hidden = !vraag;
      if (!vraag) return;
      if (location.protocol === "file:") {
        status.textContent =
          "Zoeken werkt alleen als de site via een webserver geopend is. Zoek in de overzichten:";
        resultaten.replaceChildren();
        extra.replaceChildren(overzichten());
        return;
      }
      status.textContent = "Zoeken…";
      var filters = {};
      Object.keys(gekozen).forEach(function (k) { filters[k] = gekozen[k]; });
      var lijst;
      try {
        lijst = await zoek(vraag, filters);
      } catch (fout) {
        if (mijn !== beurt) return;
        status.textContent = "De zoekindex kon niet geladen worden. Zoek in de overzichten:";
        resultaten.replaceChildren();
        extra.replaceChildren(overzichten());
        return;
      }
      if (mijn !== beurt) return; // er is intussen verder getypt
      paneel.dataset.vraag = vraag; // welke vraag nu getoond wordt (ook voor de tests)
      toonFilters(lijst.filters);
      resultaten.replaceChildren();
      extra.replaceChildren();
      if (!lijst.length) {
        status.textContent = "Niets gevonden voor ‘" + vraag + "’.";
        extra.append(
          el("p", "", "Probeer één woord, een kortere vorm (leerling in plaats van leerlingen) of een begrip uit de lijst:"),
          overzichten()
        );
        return;
      }
      var anders = lijst[0].vraag !== vraag;
      status.textContent = anders
        ? "Niets gevonden voor ‘" + vraag + "’; wel voor ‘" + lijst[0].vraag + "’:"
        : lijst.length + (lijst.length === 1 ? " resultaat" : " resultaten") +
          (lijst.length >= RANKED ? " (de beste " + SHOWN + ")" : "");
      lijst.slice(0, SHOWN).forEach(function (r) {
        var li = el("li", "kb-zoek__resultaat");
        var a = el("a", "kb-zoek__link");
        a.href = r.url;
        var soort = el("span", "kb-zoek__soort", r.soort + (r.subsoort ? " · " + r.subsoort : ""));
        soort.dataset.soort = r.soort;
        a.append(soort, el("span", "kb-zoek__titel", r.titel));
        if (r.bundel) a.appendChild(el("span", "kb-zoek__bundel", r.bundel));
        a.appendChild(uittreksel(r.uittreksel));
        li.appendChild(a);
        resultaten.appendChild(li);
      });
    }

    var wacht = null;
    invoer.addEventListener("focus", function () { laad().catch(function () {}); }, { once: true });
    invoer.addEventListener("input", function () {
      clearTimeout(wacht);
      delete paneel.dataset.vraag;
      wacht = setTimeout(voerUit, 120);
    });
    vak.addEventListener("submit", function (e) {
      e.preventDefault();
      var eerste = resultaten.querySelector("a");
      if (eerste) location.href = eerste.href;
    });
    vak.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(resultaten.querySelectorAll("a"));
      var hier = links.indexOf(document.activeElement);
      if (e.key === "Escape") {
        paneel.hidden = true;
        invoer.focus();
      } else if (e.key === "ArrowDown" && links.length) {
        e.preventDefault();
        links[Math.min(hier + 1, links.length - 1)].focus();
      } else if (e.key === "ArrowUp" && hier >= 0) {
        e.preventDefault();
        (hier === 0 ? invoer : links[hier - 1]).focus();
      }
    });
    document.addEventListener("keydown", function (e) {
      var bezig = /^(INPUT|TEXTAREA|SELECT)$/.test((document.activeElement || {}).tagName);
      if (e.key === "/" && !bezig) {
        e.preventDefault();
        invoer.focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (!vak.contains(e.target)) paneel.hidden = true;
    });
    invoer.addEventListener("focus", function () { if (invoer.value.trim()) paneel.hidden = false; });
    var q = new URLSearchParams(location.search).get("q");
    if (q) {
      invoer.value = q;
      voerUit();
    }
  }

  window.kennisbankZoeken = { zoek: zoek, laad: laad, alternatieven: alternatieven };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bouwZoekvak);
  else bouwZoekvak();
})();
