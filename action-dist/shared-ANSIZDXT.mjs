import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  reviveStored,
  storedBytes,
  storedOf,
  storedText
} from "./shared-7ZG2VCCI.mjs";
import {
  parse
} from "./shared-FWG6GVRL.mjs";
import {
  expectParses,
  waitsForSecondTier
} from "./shared-DIJAFYFB.mjs";
import {
  builtin,
  packedOnDisk
} from "./shared-ZYG3IDYS.mjs";
import {
  DEFAULT_TARGET,
  PLATFORMS,
  parsePythonVersion,
  versionFromRequiresPython
} from "./shared-2BFWLXK6.mjs";
import {
  __commonJS,
  __toESM
} from "./shared-RKF6PH7O.mjs";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path12) => {
      const end = path12.length - 1;
      const index = path12.lastIndexOf(
        SLASH,
        path12[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path12 : path12.slice(index + 1);
    };
    var parentOf2 = (path12) => {
      if (path12.charCodeAt(0) === SLASH_CODE || path12.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path12.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path12.length - 1;
      const cut = path12.lastIndexOf(
        SLASH,
        path12.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path12.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path12) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path12)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path12, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path12) : path12;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path12
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path12, originalPath, doThrow) => {
      if (!isString(path12)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path12) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path12)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path12) => {
      const first = path12.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path12.length === 1) {
        return true;
      }
      const second = path12.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path12.length === 2 || path12.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path12) {
        checkPath(
          path12,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path12 ? this._t(path12, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path12 = convertPath(target);
        if (!path12 || path12.charCodeAt(path12.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path12);
        }
        const dir = this._t(path12, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path12);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path12, cache) {
        if (path12 in cache) {
          return cache[path12];
        }
        const parentPath = parentOf2(path12);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path12] = parent && parent.ignored ? parent : this._rules.test(path12, MODE_IGNORE);
      }
      ignores(path12) {
        return this._test(path12, this._ignoreCache, convertPath(path12)).ignored;
      }
      createFilter() {
        return (path12) => !this.ignores(path12);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path12) {
        return this._test(path12, this._testCache, convertPath(path12));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path12) => checkPath(convertPath(path12), path12, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path12) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path12) || isNotRelative(path12);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/files.ts
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

// src/digest.ts
function nodeCrypto() {
  return crypto ??= builtin("node:crypto");
}
var crypto;
function sha256Hex(...parts) {
  const hash2 = nodeCrypto().createHash("sha256");
  for (const part of parts) hash2.update(part);
  return hash2.digest("hex");
}
function nameHash(text) {
  let a = 2166136261;
  let b = 16777619 ^ 1540483477;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 16777619) ^ b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

// src/files.ts
var DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
var READ_AHEAD = 64;
async function inLanes(count, work) {
  let next = 0;
  let stopped = false;
  const lane = async () => {
    for (let index = next++; !stopped && index < count; index = next++) if (await work(index) === false) stopped = true;
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, count) }, lane));
}
var MAX_SMALL_FILE_BYTES = 1024 * 1024;
function fileTypeName(stat) {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSymbolicLink()) return "a symbolic link";
  return "neither a file nor a folder";
}
function notRegularMessage(stat) {
  return `not a regular file (${fileTypeName(stat)})`;
}
var READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
async function readRegularFile(file, maxBytes, { record = true } = {}) {
  const result = await readUnrecorded(file, maxBytes);
  if (record && recorder) recorder.push({ kind: "read", file: path.resolve(file), maxBytes, digest: await readDigest(file, maxBytes, result), signature: readSignature(result) });
  return result;
}
function readAt(fd, into, length, position) {
  let read2 = 0;
  while (read2 < length) {
    const got = readSync(fd, into, read2, length - read2, position + read2);
    if (got === 0) break;
    read2 += got;
  }
  return read2;
}
async function readUnrecorded(file, maxBytes) {
  let descriptor;
  try {
    const before = statSync(file);
    if (!before.isFile()) return { ok: false, reason: "not-regular", message: notRegularMessage(before) };
    if (before.size > maxBytes) return { ok: false, reason: "too-large", size: before.size, message: `${before.size} bytes is over the ${maxBytes}-byte limit` };
    descriptor = openSync(file, READ_FLAGS);
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) return { ok: false, reason: "not-regular", message: notRegularMessage(opened) };
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.allocUnsafe(Math.min(opened.size > 0 ? opened.size + 1 : 64 * 1024, maxBytes + 1 - total));
      const bytesRead = readSync(descriptor, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, reason: "too-large", message: `over the ${maxBytes}-byte limit` };
      if (opened.size > 0 && bytesRead < chunk.length) break;
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), stat: opened };
  } catch (error) {
    const e = error;
    return { ok: false, reason: e.code === "ENOENT" || e.code === "ENOTDIR" ? "missing" : "error", message: e.message ?? String(error), error: e };
  } finally {
    if (descriptor !== void 0) {
      try {
        closeSync(descriptor);
      } catch {
      }
    }
  }
}
function isWithin(child, parent) {
  const relative = path.relative(parent, child);
  return relative === "" || relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
async function realPath(file) {
  try {
    return realpathSync.native(file);
  } catch {
    return void 0;
  }
}
var OutputError = class extends Error {
};
async function writeOutputFile(file, text, what = "the output") {
  const target = path.resolve(file);
  const fail = (cause) => {
    throw new OutputError(`cannot write ${what} to ${file}: ${cause}`);
  };
  let mode = 438;
  let existing;
  try {
    existing = await fs.lstat(target);
  } catch (error) {
    const code = error.code;
    if (code === "ENOTDIR") fail("a part of the path is not a folder");
    if (code !== "ENOENT") fail(describeCode(error));
  }
  if (existing?.isSymbolicLink()) fail("it is a symbolic link; importleak does not write through one (remove it, or choose another file)");
  if (existing && !existing.isFile()) fail(`it is ${fileTypeName(existing)}, not a regular file, and is left as it is`);
  if (existing) mode = existing.mode & 4095;
  const folder = path.dirname(target);
  try {
    if (!(await fs.stat(folder)).isDirectory()) fail(`${path.dirname(file) || "."} is not a folder`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    fail(error.code === "ENOENT" ? `the folder ${path.dirname(file) || "."} does not exist` : describeCode(error));
  }
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await fs.open(temporary, "wx", mode);
    await handle.writeFile(text);
    if (existing) await handle.chmod(mode);
    await handle.sync().catch(() => void 0);
    await handle.close();
    handle = void 0;
    await fs.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => void 0);
    await fs.rm(temporary, { force: true }).catch(() => void 0);
    fail(describeCode(error));
  }
}
function describeCode(error) {
  const e = error;
  switch (e.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EROFS":
      return "read-only file system";
    case "EISDIR":
      return "it is a folder";
    case "ENOENT":
      return "no such file or directory";
    default:
      return e.message ?? String(error);
  }
}
var recorder;
function recordInputs(log) {
  recorder = log;
}
function noteInput(input) {
  recorder?.push(input);
}
async function pathKind(file) {
  const value = await pathKindUnrecorded(file);
  recorder?.push({ kind: "stat", file: path.resolve(file), value });
  return value;
}
async function pathKindUnrecorded(file) {
  return pathKindNow(file);
}
function pathKindNow(file) {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat ? kindOfStat(stat) : "absent";
  } catch {
    return "absent";
  }
}
function kindOfStat(stat) {
  return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
}
async function readDigest(file, maxBytes, result) {
  result ??= await readUnrecorded(file, maxBytes);
  const real = (result.ok || result.reason !== "missing" ? await realPath(file) : void 0) ?? "";
  return result.ok ? sha256Hex(real, "\0", "ok\0", result.bytes) : sha256Hex(real, "\0", `${result.reason}\0${result.size ?? ""}\0${result.error?.code ?? ""}`);
}
function fileKeyOf(relative, bytes) {
  return nodeCrypto().createHash("sha256").update(relative).update("\0").update(bytes).digest("hex");
}
function fileKeyOfRead(relative, read2) {
  return read2.ok ? fileKeyOf(relative, read2.bytes) : `!${read2.reason}:${read2.size ?? ""}`;
}
var ABSENT = "!absent";
function readSignature(result) {
  return result.ok ? statSignature(result.stat) : result.reason === "missing" ? ABSENT : "";
}
function looksUnchanged(input) {
  if (input.kind === "stat") return pathKindNow(input.file) === input.value;
  if (input.kind !== "read" || !input.signature) return false;
  try {
    const stat = statSync(input.file, { throwIfNoEntry: false });
    return input.signature === ABSENT ? stat === void 0 : stat !== void 0 && stat.isFile() && statSignature(stat) === input.signature;
  } catch (error) {
    return input.signature === ABSENT && error.code === "ENOTDIR";
  }
}
var STARTED = Date.now() - process.uptime() * 1e3;
function statSignature(stat) {
  if (Math.max(stat.mtimeMs, stat.ctimeMs) >= STARTED - 2e3) return "";
  return `${stat.size}:${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

// src/config/localPython.ts
import { accessSync, constants as constants2, lstatSync, readFileSync, realpathSync as realpathSync2, renameSync, statSync as statSync2, writeFileSync } from "node:fs";
import path2 from "node:path";
var childProcess = () => builtin("node:child_process");
var PROBE = 'import sys; print("%d.%d %s" % (sys.version_info[0], sys.version_info[1], sys.platform))';
var PROBE_FLAGS = ["-I", "-S", "-E"];
var cached;
var unkept;
function localPython(env = process.env, cwd = process.cwd(), cacheDir) {
  const looked = lookUp(env, cwd, cacheDir);
  if ("known" in looked) return looked.known;
  const run = childProcess().spawnSync(looked.executable, [...PROBE_FLAGS, "-c", PROBE], probeOptions(cwd));
  return settle(looked, run.status === 0 ? run.stdout : void 0);
}
function localPythonSoon(env = process.env, cwd = process.cwd(), cacheDir) {
  const looked = lookUp(env, cwd, cacheDir);
  if ("known" in looked) return looked.known;
  return new Promise((resolve) => {
    childProcess().execFile(looked.executable, [...PROBE_FLAGS, "-c", PROBE], probeOptions(cwd), (error, stdout) => resolve(settle(looked, error ? void 0 : stdout)));
  });
}
function knownLocalPython(env = process.env, cwd = process.cwd(), cacheDir) {
  const looked = lookUp(env, cwd, cacheDir);
  return "known" in looked ? looked.known : "unknown";
}
function lookUp(env, cwd, cacheDir) {
  const command = env.IMPORTLEAK_PYTHON || "python3";
  const executable = findOnPath(command, env, cwd);
  const key = `${command}\0${executable ?? ""}`;
  if (cached?.key === key) return { known: cached.found };
  if (!executable) {
    cached = { key, found: void 0 };
    return { known: void 0 };
  }
  const identity = fileIdentity(executable);
  const remembered = identity && cacheDir ? rememberedAnswer(cacheDir, identity) : void 0;
  if (remembered) {
    cached = { key, found: { command, executable, ...remembered } };
    return { known: cached.found };
  }
  return { command, executable, key, identity, cacheDir };
}
function probeOptions(cwd) {
  return { encoding: "utf8", timeout: 5e3, windowsHide: true, cwd: path2.parse(cwd).root || "/", maxBuffer: 64 * 1024 };
}
function settle({ command, executable, key, identity, cacheDir }, stdout) {
  const match = stdout === void 0 ? null : /^(\d+)\.(\d+) (\S+)\s*$/.exec(stdout);
  const platform = match?.[3]?.startsWith("linux") ? "linux" : match?.[3];
  const found = match ? { command, executable, version: [Number(match[1]), Number(match[2])], ...platform && PLATFORMS.includes(platform) ? { platform } : {} } : void 0;
  cached = { key, found };
  if (found && identity && cacheDir && !remember(cacheDir, identity, found)) unkept = { cacheDir, identity, found };
  return found;
}
function keepAnswer() {
  if (unkept && remember(unkept.cacheDir, unkept.identity, unkept.found)) unkept = void 0;
}
var PYTHON_CACHE = "python.json";
var KEPT_ANSWERS = 8;
function fileIdentity(executable) {
  try {
    const real = realpathSync2(executable);
    const stat = statSync2(real);
    return `${real}\0${stat.size}\0${stat.mtimeMs}`;
  } catch {
    return void 0;
  }
}
function keptAnswers(cacheDir) {
  let stored;
  try {
    stored = JSON.parse(readFileSync(path2.join(cacheDir, PYTHON_CACHE), "utf8"));
  } catch {
    return [];
  }
  const list = Array.isArray(stored?.answers) ? stored.answers : [stored];
  const answers = [];
  for (const item of list) {
    const { identity, version, platform } = item ?? {};
    if (typeof identity !== "string" || !Array.isArray(version) || version.length !== 2 || !version.every((n) => Number.isInteger(n))) continue;
    answers.push({ identity, version: [version[0], version[1]], ...PLATFORMS.includes(platform) ? { platform } : {} });
  }
  return answers;
}
function rememberedAnswer(cacheDir, identity) {
  const kept = keptAnswers(cacheDir).find((answer) => answer.identity === identity);
  return kept ? { version: kept.version, ...kept.platform ? { platform: kept.platform } : {} } : void 0;
}
function remember(cacheDir, identity, found) {
  try {
    if (!lstatSync(cacheDir).isDirectory()) return false;
    const file = path2.join(cacheDir, PYTHON_CACHE);
    const temporary = `${file}.${process.pid}.tmp`;
    const answer = { identity, version: [found.version[0], found.version[1]], ...found.platform ? { platform: found.platform } : {} };
    const answers = [answer, ...keptAnswers(cacheDir).filter((kept) => kept.identity !== identity)].slice(0, KEPT_ANSWERS);
    writeFileSync(temporary, JSON.stringify({ answers }));
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
function findOnPath(command, env = process.env, cwd = process.cwd()) {
  if (command.includes("/") || process.platform === "win32" && command.includes("\\")) {
    const file = path2.resolve(cwd, command);
    return isExecutable(file) ? file : void 0;
  }
  const realCwd = realOrSelf(cwd);
  const extensions = process.platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean)] : [""];
  const pathValue = env.PATH ?? env.Path ?? "";
  for (const entry of pathValue.split(path2.delimiter)) {
    if (!entry || !path2.isAbsolute(entry)) continue;
    const folder = path2.normalize(entry);
    if (isNodeModulesBin(folder)) continue;
    if (realOrSelf(folder) === realCwd) continue;
    for (const extension of extensions) {
      const file = path2.join(folder, command + extension);
      if (isExecutable(file)) return file;
    }
  }
  return void 0;
}
function isNodeModulesBin(folder) {
  const parts = folder.split(/[\\/]+/).filter(Boolean);
  return parts.length >= 2 && parts[parts.length - 1] === ".bin" && parts[parts.length - 2] === "node_modules";
}
function isExecutable(file) {
  try {
    if (!statSync2(file).isFile()) return false;
    accessSync(file, constants2.X_OK);
    return true;
  } catch {
    return false;
  }
}
function realOrSelf(folder) {
  try {
    return realpathSync2(folder);
  } catch {
    return path2.resolve(folder);
  }
}

// src/config/config.ts
import path3 from "node:path";
function withTargetFlags(config, flags) {
  const out = { ...config };
  if (flags.pythonVersion !== void 0) {
    const version = parsePythonVersion(flags.pythonVersion);
    if (!version) throw new ConfigError(`--python-version must be ${KEYS["python-version"]}, not ${JSON.stringify(flags.pythonVersion)}`);
    out.pythonVersion = version;
  }
  if (flags.platform !== void 0) out.platform = flags.platform;
  return out;
}
function targetOf(config, cacheDir) {
  return configuredTarget(config) ?? targetWith(config, localPython(process.env, process.cwd(), cacheDir));
}
function targetSoon(config, cacheDir) {
  const configured = configuredTarget(config);
  if (configured) return configured;
  const local = localPythonSoon(process.env, process.cwd(), cacheDir);
  return local instanceof Promise ? local.then((answer) => targetWith(config, answer)) : targetWith(config, local);
}
function asksLocalPython(config) {
  return configuredTarget(config) === void 0;
}
function configuredTarget(config) {
  const version = config.pythonVersion ?? config.requiresPython;
  return version ? { version, platform: config.platform ?? DEFAULT_TARGET.platform } : void 0;
}
function targetWith(config, local) {
  return {
    version: local?.version ?? DEFAULT_TARGET.version,
    platform: config.platform ?? local?.platform ?? DEFAULT_TARGET.platform
  };
}
var ConfigError = class extends Error {
};
var RESOURCE_KINDS = ["executor", "thread", "scheduler", "client", "connection", "model", "subprocess", "file"];
var KEYS = {
  select: 'a list of rule codes or prefixes, e.g. ["IL"] or ["IL001", "IL004"]',
  ignore: "a list of rule codes or prefixes",
  "per-file-ignores": 'a table of glob = list of rule codes, e.g. { "tests/*" = ["IL"] }',
  exclude: "a list of gitignore-style patterns",
  src: "a list of source roots, relative to the config file",
  "entry-points": 'a list of module names or "module:app" specs',
  "extend-resources": "a list of tables with name, kind and message",
  "fail-on": '"error", "warning", "note" or "never"',
  "python-version": 'a "MAJOR.MINOR" string such as "3.12"',
  platform: `one of ${PLATFORMS.map((p) => `"${p}"`).join(", ")}`,
  "unreached-level": '"warning", "note" or "off"'
};
function defaultConfig() {
  return { ignore: [], perFileIgnores: {}, exclude: [], src: [], entryPoints: [], extendResources: [] };
}
async function loadConfig(root, explicit, options = {}) {
  if (explicit) return (await readConfigFile(path3.resolve(explicit), true, true)).config;
  let requiresPython;
  const withRequiresPython = (config) => config.requiresPython === void 0 && requiresPython !== void 0 ? { ...config, requiresPython } : config;
  const candidates = [];
  for (let dir = path3.resolve(root); ; dir = path3.dirname(dir)) {
    for (const name of ["importleak.toml", "pyproject.toml"]) candidates.push(path3.join(dir, name));
    if (path3.dirname(dir) === dir) break;
  }
  const followLinks = options.followExternalLinks ?? false;
  const texts = candidates.map((file) => readConfigText(file, false, followLinks));
  for (const text of texts) text.catch(() => void 0);
  for (const [index, file] of candidates.entries()) {
    const text = await texts[index];
    const found = text === void 0 ? void 0 : await configOf(file, text, false);
    if (found?.config) return withRequiresPython(found.config);
    if (path3.basename(file) === "pyproject.toml" && requiresPython === void 0) requiresPython = found?.requiresPython;
  }
  return withRequiresPython(defaultConfig());
}
async function readConfigText(file, required, followLinks) {
  if (!followLinks) {
    const real = await realPath(file);
    const folder = await realPath(path3.dirname(file)) ?? path3.dirname(file);
    if (real !== void 0 && !isWithin(real, folder)) {
      throw new ConfigError(`${file}: cannot read the configuration: it is a symbolic link to ${JSON.stringify(real)}, outside the project; not read (name it with --config, or give --follow-external-links, to read it)`);
    }
  }
  const read2 = await readRegularFile(file, MAX_SMALL_FILE_BYTES);
  if (read2.ok) return read2.bytes.toString("utf8");
  if (read2.reason === "missing" && !required) return void 0;
  const cause = read2.reason === "missing" ? "no such file" : read2.reason === "not-regular" ? `${read2.message}; not opened` : read2.reason === "too-large" ? `${read2.size !== void 0 ? `${read2.size} bytes` : "it"} is over the 1 MiB limit for a configuration file` : read2.message;
  throw new ConfigError(`${file}: cannot read the configuration: ${cause}`);
}
async function readConfigFile(file, required, followLinks) {
  const text = await readConfigText(file, required, followLinks);
  return text === void 0 ? void 0 : configOf(file, text, required);
}
async function configOf(file, text, required) {
  const { parse: parseToml, TomlError } = await import("./shared-6RXEMEG3.mjs");
  let document;
  try {
    document = parseToml(text);
  } catch (error) {
    const where = error instanceof TomlError ? `:${error.line}:${error.column}` : "";
    const reason = error.message.split("\n")[0].replace(/^Invalid TOML document: /, "");
    throw new ConfigError(`${file}${where}: invalid TOML: ${reason}`);
  }
  const isPyproject = path3.basename(file) === "pyproject.toml";
  const table = isPyproject ? document.tool?.importleak : document;
  const specifier = isPyproject ? document.project?.["requires-python"] : void 0;
  const requiresPython = typeof specifier === "string" ? versionFromRequiresPython(specifier) : void 0;
  if (table === void 0) {
    if (required) throw new ConfigError(`${file}: no [tool.importleak] table`);
    return requiresPython ? { requiresPython } : {};
  }
  const config = validate(file, isPyproject ? "tool.importleak" : "", table);
  return { config: requiresPython ? { ...config, requiresPython } : config };
}
function validate(file, prefix, table) {
  const key = (k) => prefix ? `${prefix}.${k}` : k;
  const fail = (k, got) => {
    throw new ConfigError(`${file}: \`${key(k)}\` must be ${KEYS[k]}, not ${describe(got)}`);
  };
  if (!isTable(table)) throw new ConfigError(`${file}: \`${prefix || "the configuration"}\` must be a table`);
  const config = defaultConfig();
  config.file = file;
  for (const [k, value] of Object.entries(table)) {
    switch (k) {
      case "select":
      case "ignore": {
        if (!isStringList(value)) fail(k, value);
        for (const code of value) {
          if (!/^IL\d{0,3}$/.test(code)) throw new ConfigError(`${file}: \`${key(k)}\` has ${JSON.stringify(code)}, which is not a rule code or prefix (IL, IL0, IL001...)`);
        }
        if (k === "select") config.select = value;
        else config.ignore = value;
        break;
      }
      case "per-file-ignores": {
        if (!isTable(value) || !Object.values(value).every(isStringList)) fail(k, value);
        config.perFileIgnores = value;
        break;
      }
      case "exclude":
      case "src":
      case "entry-points": {
        if (!isStringList(value)) fail(k, value);
        if (k === "exclude") config.exclude = value;
        else if (k === "src") config.src = value;
        else config.entryPoints = value;
        break;
      }
      case "extend-resources": {
        if (!Array.isArray(value)) fail(k, value);
        config.extendResources = value.map((item, i) => {
          const where = `${key(k)}[${i}]`;
          if (!isTable(item)) throw new ConfigError(`${file}: \`${where}\` must be a table with name, kind and message, not ${describe(item)}`);
          for (const field of Object.keys(item)) {
            if (!["name", "kind", "message"].includes(field)) throw new ConfigError(`${file}: \`${where}\` has an unknown key \`${field}\` (expected name, kind, message)`);
          }
          const { name, kind, message } = item;
          if (typeof name !== "string" || !/^[A-Za-z_][\w]*(\.[A-Za-z_*][\w]*)+$/.test(name)) {
            throw new ConfigError(`${file}: \`${where}.name\` must be a qualified name such as "myco.cache.make_client", not ${describe(name)}`);
          }
          if (typeof kind !== "string" || !RESOURCE_KINDS.includes(kind)) {
            throw new ConfigError(`${file}: \`${where}.kind\` must be one of ${RESOURCE_KINDS.map((k2) => `"${k2}"`).join(", ")}, not ${describe(kind)}`);
          }
          if (typeof message !== "string" || message.trim() === "") throw new ConfigError(`${file}: \`${where}.message\` must be a non-empty string, not ${describe(message)}`);
          return { name, kind, message: message.trim() };
        });
        break;
      }
      case "python-version": {
        const version = typeof value === "string" ? parsePythonVersion(value) : void 0;
        if (!version) fail(k, value);
        config.pythonVersion = version;
        break;
      }
      case "platform": {
        if (typeof value !== "string" || !PLATFORMS.includes(value)) fail(k, value);
        config.platform = value;
        break;
      }
      case "fail-on": {
        if (typeof value !== "string" || !["error", "warning", "note", "never"].includes(value)) fail(k, value);
        config.failOn = value;
        break;
      }
      case "unreached-level": {
        if (typeof value !== "string" || !["warning", "note", "off"].includes(value)) fail(k, value);
        config.unreachedLevel = value;
        break;
      }
      default:
        throw new ConfigError(`${file}: unknown key \`${key(k)}\` (known keys: ${Object.keys(KEYS).join(", ")})`);
    }
  }
  return config;
}
function ruleSelected(code, select, ignore2) {
  const longest = (list) => Math.max(-1, ...list.filter((p) => code.startsWith(p)).map((p) => p.length));
  const selected = select === void 0 ? 0 : longest(select);
  return selected >= 0 && longest(ignore2) < selected;
}
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function isStringList(value) {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
function describe(value) {
  if (value === void 0) return "missing";
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (isTable(value)) return "a table";
  return `${typeof value} ${JSON.stringify(value)}`;
}

// src/codeDigest.ts
import { lstatSync as lstatSync2, readdirSync, readFileSync as readFileSync2, renameSync as renameSync2, statSync as statSync3, writeFileSync as writeFileSync2 } from "node:fs";
import path4 from "node:path";
function digestOf(files, base) {
  const digest = nodeCrypto().createHash("sha256");
  for (const file of files) digest.update(path4.relative(base, file)).update("\0").update(bytesOf(file)).update("\0");
  return digest.digest("hex");
}
function keptCodeDigest(keptIn, folders, base, pattern, recursive) {
  let signatures = `${JSON.stringify([base, pattern.source, recursive])}
`;
  let trusted = true;
  const files = folders.flatMap((folder) => codeFilesWithStats(folder, pattern, recursive));
  for (const [file, stat] of files) {
    const signature = statSignature(stat);
    if (!signature) trusted = false;
    signatures += `${JSON.stringify(path4.relative(base, file))} ${signature}
`;
  }
  const computed = () => digestOf(files.map(([file]) => file), base);
  if (!trusted) return computed();
  const kept = path4.join(keptIn, `code-${nameHash(signatures)}`);
  try {
    const text2 = readFileSync2(kept, "utf8");
    if (/^[0-9a-f]{64}\n/.test(text2) && text2.slice(65) === signatures) return text2.slice(0, 64);
  } catch {
  }
  const digest = computed();
  const text = `${digest}
${signatures}`;
  if (!keep(keptIn, kept, text)) unkept2.set(kept, { keptIn, text });
  return digest;
}
function keep(keptIn, kept, text) {
  try {
    if (!lstatSync2(keptIn).isDirectory()) return false;
    const temporary = `${kept}.${process.pid}.tmp`;
    writeFileSync2(temporary, text, { flag: "wx" });
    renameSync2(temporary, kept);
    return true;
  } catch {
    return false;
  }
}
var unkept2 = /* @__PURE__ */ new Map();
function keepCodeDigests() {
  for (const [kept, { keptIn, text }] of unkept2) if (keep(keptIn, kept, text)) unkept2.delete(kept);
}
function codeFiles(folder, pattern, recursive) {
  return codeFilesWithStats(folder, pattern, recursive).map(([file]) => file);
}
function codeFilesWithStats(folder, pattern, recursive) {
  let names;
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  const files = [];
  for (const name of names) {
    const file = path4.join(folder, name);
    let stat;
    try {
      stat = statSync3(file);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (recursive && name !== "node_modules") files.push(...codeFilesWithStats(file, pattern, recursive));
    } else if (stat.isFile() && pattern.test(name)) files.push([file, stat]);
  }
  return files;
}
var read = /* @__PURE__ */ new Map();
function bytesOf(file) {
  let bytes = read.get(file);
  if (!bytes) read.set(file, bytes = readFileSync2(file));
  return bytes;
}

// src/watch.ts
import fsCallbacks, { promises as fs2 } from "node:fs";
function coveredByWatch(dirent) {
  return dirent.isFile() || dirent.isDirectory() || dirent.isSymbolicLink();
}
function newTreeWatch() {
  return { folders: [], looks: [], complete: true };
}
var SKIPPED_BY_EVERY_WALK = /* @__PURE__ */ new Set([".git", "node_modules", "site-packages", "__pycache__", ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".importleak_cache", ".pytest_cache"]);
function listingDigest(entries) {
  const names = [];
  for (const entry of entries) {
    if (entry.isDirectory() && SKIPPED_BY_EVERY_WALK.has(entry.name)) continue;
    names.push(`${entry.isFile() ? "f" : entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l" : "o"}${entry.name}`);
  }
  const listing = names.sort().join("/");
  return listing.length <= MAX_KEPT_LISTING ? listing : `sha256:${sha256Hex(listing)}`;
}
var MAX_KEPT_LISTING = 4096;
function watchingFs(watch, then) {
  const list = (folder, options, callback, noted) => {
    fsCallbacks.readdir(folder, options, (error, entries) => {
      if (noted && watch) {
        if (!error && Array.isArray(entries) && entries.every((entry) => typeof entry === "object")) noted[2] = listingDigest(entries);
        else if (!noted[1]) watch.complete = false;
      }
      if (then) then(folder, error, entries, callback);
      else callback(error, entries);
    });
  };
  const readdir = ((folder, options, callback) => {
    if (!watch) return list(folder, options, callback);
    fsCallbacks.stat(folder, (error, stat) => {
      const noted = [folder, error ? `!${error.code ?? "error"}` : statSignature(stat)];
      watch.folders.push(noted);
      list(folder, options, callback, noted);
    });
  });
  return { ...fsCallbacks, readdir };
}
function listingNow(folder) {
  try {
    return listingDigest(fsCallbacks.readdirSync(folder, { withFileTypes: true }));
  } catch {
    return void 0;
  }
}
async function watchedStat(p, watch) {
  try {
    const stat = await fs2.stat(p);
    watch?.looks.push(["stat", p, kindOfStat(stat)]);
    return stat;
  } catch (error) {
    watch?.looks.push(["stat", p, failure(error)]);
    throw error;
  }
}
async function watchedRealpath(p, watch) {
  try {
    const real = await fs2.realpath(p);
    watch?.looks.push(["realpath", p, real]);
    return real;
  } catch (error) {
    watch?.looks.push(["realpath", p, failure(error)]);
    throw error;
  }
}
function lookNow(how, p) {
  try {
    return how === "stat" ? kindOfStat(fsCallbacks.statSync(p)) : fsCallbacks.realpathSync.native(p);
  } catch (error) {
    return failure(error);
  }
}
async function watchHolds(watch, confirmed = /* @__PURE__ */ new Set(), renewed) {
  if (!watch?.complete || !Array.isArray(watch.folders) || !Array.isArray(watch.looks)) return false;
  for (const noted of watch.folders) {
    const [folder, signature, listing] = noted;
    const seen = `${folder}\0${signature}`;
    if (confirmed.has(seen)) continue;
    const stat = statNow(folder);
    if (stat === void 0) return false;
    const now = statSignature(stat);
    if (signature === "" || now !== signature) {
      if (typeof listing !== "string" || !stat.isDirectory() || listingNow(folder) !== listing) return false;
      if (now) {
        noted[1] = now;
        renewed?.();
      }
    }
    confirmed.add(seen);
  }
  const reads = [];
  for (const [how, p, answer, signature] of watch.looks) {
    if (how !== "read") {
      if (lookNow(how, p) !== answer) return false;
    } else if (!signature || !looksUnchanged({ kind: "read", file: p, maxBytes: MAX_SMALL_FILE_BYTES, digest: answer, signature })) {
      reads.push([p, answer]);
    }
  }
  let holds = true;
  await inLanes(reads.length, async (index) => {
    const [p, answer] = reads[index];
    if (await readDigest(p, MAX_SMALL_FILE_BYTES) !== answer) return holds = false;
  });
  return holds;
}
function statNow(p) {
  try {
    return fsCallbacks.statSync(p);
  } catch {
    return void 0;
  }
}
function failure(error) {
  return `!${error.code ?? "error"}`;
}

// src/discover/discover.ts
var import_ignore = __toESM(require_ignore(), 1);
import { promises as fs3 } from "node:fs";
import path5 from "node:path";
var ALWAYS_SKIPPED = [
  "**/.git/**",
  "**/.hg/**",
  "**/.svn/**",
  "**/node_modules/**",
  "**/site-packages/**",
  "**/__pycache__/**",
  "**/.tox/**",
  "**/.nox/**",
  "**/.mypy_cache/**",
  "**/.ruff_cache/**",
  "**/.importleak_cache/**",
  "**/.pytest_cache/**",
  "**/*.egg-info/**",
  "**/build/**",
  "**/dist/**"
];
function discoverOptionsOf(options) {
  return {
    root: path5.resolve(options.root),
    paths: options.paths.length ? options.paths : ["."],
    exclude: [...options.exclude ?? [], ...options.config?.exclude ?? []],
    respectGitignore: options.respectGitignore ?? true,
    followExternalLinks: options.followExternalLinks ?? false
  };
}
async function discoverPythonFiles(options) {
  const root = path5.resolve(options.root);
  const watch = options.watch;
  const diagnostics = [];
  const found = /* @__PURE__ */ new Map();
  const relativeToRoot = (absolute) => toPosix(path5.relative(root, absolute));
  const userExclude = compileIgnore(
    options.exclude,
    (pattern, _index, error) => diagnostics.push({ kind: "config", path: ".", message: `exclude pattern ${quotePattern(pattern)} (--exclude or the configuration's \`exclude\`) ${unusablePattern(error)}; it is not applied` })
  );
  const gitignores = new GitignoreSet(
    (file, line, pattern, error) => diagnostics.push({ kind: "read-error", path: relativeToRoot(file), line, message: `.gitignore pattern ${quotePattern(pattern)} ${unusablePattern(error)}; it is not applied, the file's other patterns are` })
  );
  if (options.respectGitignore) await addRepositoryGitignores(root, options.paths, gitignores, diagnostics, relativeToRoot, watch);
  const inside = await projectFolders(root, options.paths, watch);
  const leavesProject = (realTarget) => !options.followExternalLinks && !inside.some((folder) => isWithin(realTarget, folder));
  const unreadable = [];
  const lineBreakNames = [];
  const recordingFs = watchingFs(watch, (dir, error, entries, callback) => {
    if (error && error.code !== "ENOENT") {
      unreadable.push({ path: dir, error });
      callback(null, []);
      return;
    }
    for (const entry of entries ?? []) {
      if (typeof entry === "object" && LINE_BREAK.test(entry.name)) lineBreakNames.push({ path: path5.join(dir, entry.name), isDirectory: entry.isDirectory() });
    }
    callback(error, entries);
  });
  const walked = /* @__PURE__ */ new Map();
  const walk = async (folder, visiting) => {
    const all = await (await fastGlob())(["**"], {
      cwd: folder,
      dot: true,
      followSymbolicLinks: false,
      onlyFiles: false,
      objectMode: true,
      ignore: ALWAYS_SKIPPED,
      suppressErrors: true,
      fs: recordingFs
    });
    const links = all.filter((entry) => entry.dirent.isSymbolicLink());
    const oddNames = lineBreakNames.splice(0);
    if (watch && (oddNames.length || all.some((entry) => !coveredByWatch(entry.dirent) || entry.path.includes("\uFFFD")))) watch.complete = false;
    const entries = all.filter((entry) => {
      const name = path5.posix.basename(entry.path);
      return entry.dirent.isFile() && (name.endsWith(".py") || name === ".gitignore" || name === "pyvenv.cfg");
    });
    const venvs = entries.filter((entry) => path5.posix.basename(entry.path) === "pyvenv.cfg").map((entry) => path5.posix.dirname(entry.path));
    if (options.respectGitignore) {
      for (const entry of entries) {
        if (path5.posix.basename(entry.path) !== ".gitignore" || !entry.dirent.isFile()) continue;
        const file = path5.join(folder, entry.path);
        const text = await readIgnoreFile(file, relativeToRoot, diagnostics, false, watch);
        if (text !== void 0) gitignores.add(path5.dirname(file), text);
      }
    }
    const skipped = (relativeInFolder, absolute, isDir) => {
      if (venvs.some((venv) => venv === "." || relativeInFolder === venv || relativeInFolder.startsWith(`${venv}/`))) return true;
      const fromRoot = relativeToRoot(absolute);
      if (!fromRoot.startsWith("..") && fromRoot !== "" && userExclude.ignores(isDir ? `${fromRoot}/` : fromRoot)) return true;
      return options.respectGitignore && gitignores.ignores(absolute, isDir);
    };
    for (const entry of entries) {
      if (!entry.path.endsWith(".py") || !entry.dirent.isFile()) continue;
      const absolute = path5.join(folder, entry.path);
      if (skipped(entry.path, absolute, false) || excludedByFolder(entry.path, folder, skipped)) continue;
      if (entry.path.includes("\uFFFD") && !await exists(absolute, true)) {
        diagnostics.push({ kind: "read-error", path: relativeToRoot(absolute), message: "the file name is not valid UTF-8, so it cannot be opened by this name; skipped" });
        continue;
      }
      found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
    }
    for (const entry of all) {
      const name = path5.posix.basename(entry.path);
      if (entry.dirent.isFile() || entry.dirent.isDirectory() || entry.dirent.isSymbolicLink()) continue;
      if (!name.endsWith(".py") && name !== ".gitignore") continue;
      const absolute = path5.join(folder, entry.path);
      if (skipped(entry.path, absolute, false) || excludedByFolder(entry.path, folder, skipped)) continue;
      const stat = await fs3.lstat(absolute).catch(() => void 0);
      diagnostics.push({ kind: "read-error", path: relativeToRoot(absolute), message: `${stat ? notRegularMessage(stat) : "not a regular file"}; not opened, skipped` });
    }
    for (const odd of oddNames) {
      const relativeInFolder = toPosix(path5.relative(folder, odd.path));
      if (relativeInFolder.startsWith("..") || !odd.isDirectory && !relativeInFolder.endsWith(".py")) continue;
      if (skipped(relativeInFolder, odd.path, odd.isDirectory) || excludedByFolder(relativeInFolder, folder, skipped)) continue;
      diagnostics.push({
        kind: "read-error",
        path: relativeToRoot(odd.path),
        message: odd.isDirectory ? "the folder name has a line break, which no module name has; the folder was not scanned" : "the file name has a line break, which no module name has; skipped"
      });
    }
    for (const link of links) {
      const absolute = path5.join(folder, link.path);
      if (excludedByFolder(link.path, folder, skipped)) continue;
      if (skipped(link.path, absolute, false) || skipped(link.path, absolute, true)) continue;
      let target;
      let stat;
      try {
        target = await watchedRealpath(absolute, watch);
        stat = await watchedStat(target, watch);
      } catch (error) {
        const code = error.code;
        if (!link.path.endsWith(".py") && code === "ENOENT") continue;
        diagnostics.push({
          kind: code === "ELOOP" ? "symlink-loop" : "broken-symlink",
          path: relativeToRoot(absolute),
          message: code === "ELOOP" ? "symlink loop: the link resolves to itself; skipped" : `broken symlink: ${describeError(error)}; skipped`
        });
        continue;
      }
      if (!stat.isDirectory() && !link.path.endsWith(".py")) continue;
      if (leavesProject(target)) {
        diagnostics.push({
          kind: "outside-root",
          path: relativeToRoot(absolute),
          message: `symbolic link to ${target}, outside the project; not followed (--follow-external-links follows it)`
        });
        continue;
      }
      if (stat.isFile()) {
        if (link.path.endsWith(".py") && !skipped(link.path, absolute, false)) {
          found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
        }
        continue;
      }
      if (!stat.isDirectory()) {
        if (!skipped(link.path, absolute, false)) diagnostics.push({ kind: "read-error", path: relativeToRoot(absolute), message: `the link leads to something that is ${notRegularMessage(stat)}; not opened, skipped` });
        continue;
      }
      const realFolder = await watchedRealpath(path5.dirname(absolute), watch);
      const ancestors = [...visiting, realFolder];
      if (ancestors.some((a) => isWithin(a, target))) {
        diagnostics.push({
          kind: "symlink-loop",
          path: relativeToRoot(absolute),
          message: `symlink loop: ${toPosix(link.path)} points to ${target}, a folder that contains it; not followed`
        });
        continue;
      }
      const first = walked.get(target);
      if (first !== void 0) {
        diagnostics.push({
          kind: "duplicate-module",
          path: relativeToRoot(absolute),
          message: `symbolic link to ${target}, a folder already scanned as ${first || "."}; not followed again (its modules are analyzed once, under that name)`
        });
        continue;
      }
      walked.set(target, relativeToRoot(absolute));
      const next = new Set(visiting);
      next.add(realFolder);
      next.add(target);
      await walk(absolute, next);
    }
  };
  for (const given of options.paths) {
    const absolute = path5.resolve(root, given);
    let stat;
    try {
      stat = await watchedStat(absolute, watch);
    } catch (error) {
      diagnostics.push({ kind: "read-error", path: toPosix(given), message: `cannot scan ${given}: ${describeError(error)}` });
      continue;
    }
    if (stat.isDirectory()) {
      const real = await watchedRealpath(absolute, watch);
      if (!walked.has(real)) walked.set(real, relativeToRoot(absolute));
      await walk(absolute, /* @__PURE__ */ new Set([real]));
    } else if (stat.isFile()) {
      found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
    } else {
      diagnostics.push({ kind: "read-error", path: relativeToRoot(absolute), message: `${notRegularMessage(stat)}; not opened, skipped` });
    }
  }
  for (const { path: dir, error } of unreadable) {
    diagnostics.push({ kind: "read-error", path: relativeToRoot(dir) || ".", message: `cannot list this folder: ${describeError(error)}; the files in it were not analyzed` });
  }
  const files = [...found.values()].sort((a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
  for (const file of files) {
    if (file.relative.startsWith("..")) {
      diagnostics.push({
        kind: "outside-root",
        path: file.relative,
        message: `${file.absolute} is outside the project root ${root}; its module name is guessed from its folder`
      });
    }
  }
  return { files, diagnostics };
}
async function addRepositoryGitignores(root, paths, gitignores, diagnostics, relativeToRoot, watch) {
  const folders = /* @__PURE__ */ new Set();
  for (const given of paths) {
    let folder = path5.resolve(root, given);
    try {
      if (!(await watchedStat(folder, watch)).isDirectory()) folder = path5.dirname(folder);
    } catch {
      continue;
    }
    const chain = [];
    for (let dir = path5.dirname(folder); ; dir = path5.dirname(dir)) {
      chain.push(dir);
      if (await watchedStat(path5.join(dir, ".git"), watch).then(() => true, () => false)) {
        chain.forEach((d) => folders.add(d));
        break;
      }
      if (path5.dirname(dir) === dir) break;
    }
  }
  for (const folder of folders) {
    const file = path5.join(folder, ".gitignore");
    const text = await readIgnoreFile(file, relativeToRoot, diagnostics, true, watch);
    if (text !== void 0) gitignores.add(folder, text);
  }
}
var LINE_BREAK = /[\n\r\u2028\u2029]/;
async function readIgnoreFile(file, relativeToRoot, diagnostics, missingIsFine = false, watch) {
  const read2 = await readRegularFile(file, MAX_SMALL_FILE_BYTES);
  watch?.looks.push(["read", file, await readDigest(file, MAX_SMALL_FILE_BYTES, read2), readSignature(read2)]);
  if (read2.ok) return read2.bytes.toString("utf8");
  if (read2.reason === "missing" && missingIsFine) return void 0;
  const cause = read2.reason === "error" || read2.reason === "missing" ? describeError(read2.error) : read2.message;
  diagnostics.push({ kind: "read-error", path: relativeToRoot(file), message: `cannot read .gitignore: ${cause}; its patterns were not applied` });
  return void 0;
}
async function projectFolders(root, paths, watch) {
  const folders = [];
  for (const p of [root, ...paths.map((given) => path5.resolve(root, given))]) {
    try {
      if ((await watchedStat(p, watch)).isDirectory()) folders.push(await watchedRealpath(p, watch));
    } catch {
    }
  }
  return folders;
}
async function exists(p, noFollow = false) {
  try {
    await (noFollow ? fs3.lstat(p) : fs3.stat(p));
    return true;
  } catch {
    return false;
  }
}
function excludedByFolder(relativeInFolder, folder, skipped) {
  const parts = relativeInFolder.split("/");
  for (let i = 1; i < parts.length; i++) {
    const sub = parts.slice(0, i).join("/");
    if (skipped(sub, path5.join(folder, sub), true)) return true;
  }
  return false;
}
var GitignoreSet = class {
  constructor(onInvalid) {
    this.onInvalid = onInvalid;
  }
  onInvalid;
  byFolder = /* @__PURE__ */ new Map();
  add(folder, text) {
    this.byFolder.set(folder, { rules: (0, import_ignore.default)().add(text), text, checked: false });
  }
  ignores(absolute, isDir) {
    for (const [folder, entry] of this.byFolder) {
      const relative = path5.relative(folder, absolute);
      if (relative === "" || relative.startsWith("..") || path5.isAbsolute(relative)) continue;
      const posix = toPosix(relative);
      if (this.test(folder, entry, isDir ? `${posix}/` : posix)) return true;
    }
    return false;
  }
  /** The matcher compiles each pattern when a path first reaches it: that is when a bad one throws. */
  test(folder, entry, relative) {
    try {
      return entry.rules.ignores(relative);
    } catch (error) {
      if (entry.checked || !isPatternError(error)) throw error;
      entry.checked = true;
      entry.rules = compileIgnore(entry.text.split(/\r?\n/), (pattern, index, lineError) => this.onInvalid(path5.join(folder, ".gitignore"), index + 1, pattern, lineError));
      return entry.rules.ignores(relative);
    }
  }
};
function compileIgnore(patterns, onInvalid) {
  const usable = [];
  patterns.forEach((pattern, index) => {
    try {
      (0, import_ignore.default)().add(pattern).ignores("x");
      usable.push(pattern);
    } catch (error) {
      if (!isPatternError(error)) throw error;
      onInvalid(pattern, index, error);
    }
  });
  return (0, import_ignore.default)().add(usable);
}
function isPatternError(error) {
  return error instanceof SyntaxError || error instanceof RangeError && /call stack/i.test(error.message);
}
function quotePattern(pattern) {
  return pattern.length > 40 ? `${JSON.stringify(pattern.slice(0, 40))}\u2026 (${pattern.length} characters)` : JSON.stringify(pattern);
}
function unusablePattern(error) {
  return error instanceof SyntaxError && /too large/i.test(error.message) ? "is too long to match with (its regular expression is too large)" : "cannot be turned into a regular expression";
}
function toPosix(p) {
  return p.split(path5.sep).join("/");
}
function describeError(error) {
  const e = error;
  switch (e.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file or directory";
    case "EISDIR":
      return "is a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return e.message ?? String(error);
  }
}
async function fastGlob() {
  return (await import("./shared-LU3QHIRB.mjs")).default;
}

// src/handoff.ts
var KEY = /* @__PURE__ */ Symbol.for("importleak.quick-replay-handoff");
function takeHandoff(file) {
  const store = globalThis;
  const handoff = store[KEY];
  delete store[KEY];
  return handoff?.file === file ? handoff : void 0;
}

// src/pipes.ts
var closedPipeHandled = false;
function endQuietlyOnClosedPipe() {
  if (closedPipeHandled) return;
  closedPipeHandled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}

// src/stats.ts
var STAGES = ["run record", "discovery", "parse and extract", "resolve and graph", "entries", "deployment", "rules", "report"];
var StageTimes = class {
  totals = /* @__PURE__ */ new Map();
  started = performance.now();
  /** When the stage last added ended (taken as now, when it is added). */
  lastEnd = this.started;
  cached = 0;
  parsed = 0;
  workers = 0;
  /**
   * The output was the run record's (see replay.ts): nothing was analyzed. `quick`: found by the
   * command line's index entry, without loading the analyzer (see quickReplay.ts).
   */
  replayed = false;
  /** Runs `work` as part of `stage`, and adds its time. */
  async time(stage, work) {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }
  timeSync(stage, work) {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }
  add(stage, milliseconds) {
    this.totals.set(stage, (this.totals.get(stage) ?? 0) + milliseconds);
    this.lastEnd = performance.now();
  }
  /** Adds to `stage` the time since the stage added last ended: what ran between them was this one. */
  addSinceLast(stage) {
    this.add(stage, performance.now() - this.lastEnd);
  }
  /** `--stats` output: one line a stage, then the total (stderr, so it never mixes with a report). */
  format() {
    const total = performance.now() - this.started;
    const width = Math.max(...STAGES.map((s) => s.length));
    const lines = STAGES.filter((s) => this.totals.has(s)).map((s) => `  ${s.padEnd(width)}  ${seconds(this.totals.get(s))}`);
    const files = this.replayed ? `the output of the last run, whose inputs are unchanged${this.replayed === "quick" ? "; the analyzer not loaded" : ""}` : `${this.parsed} parsed, ${this.cached} from the cache${this.workers > 1 ? `, ${this.workers} worker threads` : ""}`;
    return [`importleak stats (${files}):`, ...lines, `  ${"total".padEnd(width)}  ${seconds(total)}`].join("\n");
  }
};
function seconds(milliseconds) {
  return `${(milliseconds / 1e3).toFixed(3)} s`;
}

// src/quickReplay.ts
import { lstatSync as lstatSync3, readFileSync as readFileSync3 } from "node:fs";
import path6 from "node:path";
import { fileURLToPath } from "node:url";
var DEFAULT_CACHE_DIR = ".importleak_cache";
var INDEX_FORMAT = 1;
function knownAnswer(local) {
  return JSON.stringify(local ? [local.version, local.platform ?? null] : null);
}
function commandLineOf(code, argv, cwd, env) {
  return JSON.stringify([code, argv.slice(2), cwd, env.IMPORTLEAK_PYTHON ?? null, env.PATH ?? env.Path ?? null, env.PATHEXT ?? null]);
}
function invocationFile(records, commandLine) {
  return path6.join(records, `argv-${nameHash(commandLine)}.json`);
}
function recordsFolder(cacheRoot) {
  return path6.join(cacheRoot, `runs-${codeId(cacheRoot).slice(0, 12)}`);
}
var codeIdKnown;
function codeId(root) {
  if (codeIdKnown === void 0) {
    const here = path6.dirname(fileURLToPath(import.meta.url));
    const rules = [path6.resolve(here, "../rules"), path6.resolve(here, "../../rules")].find((folder) => codeFiles(folder, /^IL001\.md$/, false).length);
    codeIdKnown = keptCodeDigest(root, [here, ...rules ? [rules] : []], here, /\.([cm]?js|ts|md)$/, true);
  }
  return codeIdKnown;
}
function recordFile(records, key) {
  return path6.join(records, `${key}.run.json`);
}
var RECORD_FORMAT = 3;
function readRecordFile(file) {
  const bytes = readFileSync3(file);
  const end = bytes.indexOf(10);
  if (end < 0) return void 0;
  let record;
  try {
    record = JSON.parse(bytes.toString("utf8", 0, end));
  } catch {
    return void 0;
  }
  const output = record?.output;
  if (record.format !== RECORD_FORMAT || !Array.isArray(record.files) || !Array.isArray(record.inputs) || typeof output?.stdoutBytes !== "number" || typeof output.stderr !== "string") return void 0;
  const fileBytes = output.outputFile?.bytes ?? 0;
  if (typeof fileBytes !== "number" || end + 1 + output.stdoutBytes + fileBytes !== bytes.length) return void 0;
  const stdoutEnd = end + 1 + output.stdoutBytes;
  return {
    record,
    stdout: bytes.subarray(end + 1, stdoutEnd),
    ...output.outputFile ? { outputFile: { path: output.outputFile.path, bytes: bytes.subarray(stdoutEnd) } } : {}
  };
}

// src/cache.ts
import { createHash, randomBytes as randomBytes2 } from "node:crypto";
import { closeSync as closeSync3, promises as fs4, lstatSync as lstatSync5, mkdirSync as mkdirSync2, openSync as openSync3, readdirSync as readdirSync3, readFileSync as readFileSync4, renameSync as renameSync4, rmSync as rmSync2, utimesSync, writeFileSync as writeFileSync3, writeSync as writeSync2 } from "node:fs";
import path8 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/cachePack.ts
import { randomBytes } from "node:crypto";
import { closeSync as closeSync2, fstatSync as fstatSync2, lstatSync as lstatSync4, mkdirSync, openSync as openSync2, readdirSync as readdirSync2, renameSync as renameSync3, rmSync, writeSync } from "node:fs";
import path7 from "node:path";
var MAX_PACKS = 8;
var ABANDONED_AFTER_MS = 24 * 60 * 60 * 1e3;
var PACK_NAME = /^\d{13}-\d+-[0-9a-f]{8}\.pack$/;
var TEMPORARY_NAME = /^\d{13}-\d+-[0-9a-f]{8}\.pack\.tmp$/;
var TRAILER = /^importleak-pack 2 ([0-9a-f]{12}) ([0-9a-f]{12})\n$/;
var TRAILER_LENGTH = 44;
var KEY_LENGTH = 64;
var Pack = class {
  constructor(file, fd) {
    this.file = file;
    this.fd = fd;
  }
  file;
  fd;
  gone = false;
  /** Called before each read: a pack being written writes what it holds back first. */
  beforeRead;
  /** `length` bytes at `offset`, in a buffer of their own; throws when the file ends before. */
  read(offset, length) {
    const into = Buffer.allocUnsafeSlow(length);
    this.fill(into, offset, length);
    return into;
  }
  /**
   * `length` bytes at `offset`, in a buffer shared by all packs: valid until the next `view`. An
   * entry is revived (or its packed calls inflated) the moment it is read, and never kept, so a
   * run reading 100,000 entries does not leave as many buffers to the collector.
   */
  view(offset, length) {
    if (window.pack === this && offset >= window.start && offset + length <= window.end) return window.bytes.subarray(offset - window.start, offset - window.start + length);
    if (length > WINDOW_BYTES) {
      if (length > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(length, 2 * scratch.length));
      this.fill(scratch, offset, length);
      return scratch.subarray(0, length);
    }
    window.pack = void 0;
    const read2 = this.fill(window.bytes, offset, length, WINDOW_BYTES);
    window.pack = this;
    window.start = offset;
    window.end = offset + read2;
    return window.bytes.subarray(0, length);
  }
  /** Reads up to `ahead` bytes at `offset` into `into`; how many it read. Throws when the file ends before `length` bytes. */
  fill(into, offset, length, ahead = length) {
    this.beforeRead?.();
    const read2 = readAt(this.fd, into, ahead, offset);
    if (read2 < length) throw new Error(`the cache pack ${path7.basename(this.file)} ends at ${offset + read2} bytes, not ${offset + length}`);
    return read2;
  }
  /** Removes the file (once): an entry of it did not read back. Those of it read already keep reading through the descriptor. */
  remove() {
    if (this.gone) return;
    this.gone = true;
    try {
      rmSync(this.file, { force: true });
    } catch {
    }
  }
};
var scratch = Buffer.allocUnsafeSlow(64 * 1024);
var WINDOW_BYTES = 512 * 1024;
var window = { pack: void 0, start: 0, end: 0, bytes: Buffer.allocUnsafeSlow(WINDOW_BYTES) };
var PackIndex = class {
  constructor(pack, keys, offsets, lengths) {
    this.pack = pack;
    this.keys = keys;
    this.offsets = offsets;
    this.lengths = lengths;
  }
  pack;
  keys;
  offsets;
  lengths;
  find(key) {
    let low = 0;
    let high = this.offsets.length - 1;
    while (low <= high) {
      const middle = low + high >> 1;
      const order = compareKeyAt(this.keys, middle, key);
      if (order === 0) return { pack: this.pack, offset: this.offsets[middle], length: this.lengths[middle] };
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return void 0;
  }
};
function compareKeyAt(keys, index, key) {
  const start = index * KEY_LENGTH;
  for (let i = 0; i < KEY_LENGTH; i++) {
    const difference = keys[start + i] - key.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return 0;
}
function openPacks(folder, now = Date.now()) {
  const indexes = [];
  let names;
  try {
    names = readdirSync2(folder);
  } catch {
    return indexes;
  }
  for (const name of names.sort().reverse()) {
    const file = path7.join(folder, name);
    if (TEMPORARY_NAME.test(name)) {
      try {
        if (now - lstatSync4(file).mtimeMs > ABANDONED_AFTER_MS) rmSync(file, { force: true });
      } catch {
      }
      continue;
    }
    if (!PACK_NAME.test(name)) continue;
    let fd;
    try {
      fd = openSync2(file, "r");
    } catch {
      continue;
    }
    const pack = new Pack(file, fd);
    try {
      indexes.push(indexOf(pack, fstatSync2(fd)));
    } catch {
      closeSync2(fd);
      pack.remove();
    }
  }
  return indexes;
}
function indexOf(pack, stat) {
  if (!stat.isFile() || stat.size < TRAILER_LENGTH) throw new Error("not a pack");
  const trailer = TRAILER.exec(pack.read(stat.size - TRAILER_LENGTH, TRAILER_LENGTH).toString("latin1"));
  if (!trailer) throw new Error("no pack trailer");
  const start = parseInt(trailer[1], 16);
  const count = parseInt(trailer[2], 16);
  if (start + count * INDEX_BYTES_AN_ENTRY + TRAILER_LENGTH !== stat.size) throw new Error("the pack index is out of place");
  const index = pack.read(start, count * INDEX_BYTES_AN_ENTRY);
  const keys = index.subarray(0, count * KEY_LENGTH);
  const offsets = new Float64Array(count);
  const lengths = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const offset = index.readDoubleLE(count * KEY_LENGTH + 8 * i);
    const length = index.readDoubleLE(count * (KEY_LENGTH + 8) + 8 * i);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > start) throw new Error("a pack entry out of range");
    for (let at = i * KEY_LENGTH; at < (i + 1) * KEY_LENGTH; at++) if (!HEX_DIGIT[keys[at]]) throw new Error("not a pack key");
    if (i > 0 && keys.compare(keys, i * KEY_LENGTH, (i + 1) * KEY_LENGTH, (i - 1) * KEY_LENGTH, i * KEY_LENGTH) >= 0) throw new Error("the pack keys are out of order");
    offsets[i] = offset;
    lengths[i] = length;
  }
  return new PackIndex(pack, keys, offsets, lengths);
}
var INDEX_BYTES_AN_ENTRY = KEY_LENGTH + 16;
var HEX_DIGIT = Array.from({ length: 256 }, (_, byte) => byte >= 48 && byte <= 57 || byte >= 97 && byte <= 102);
var PackWriter = class {
  pack;
  temporary;
  final;
  /** Where the next bytes go. */
  end = 0;
  /** Entries appended and not yet written (see `QUEUED_BYTES`), and their length. */
  queued = [];
  queuedBytes = 0;
  keys = [];
  at = [];
  /** Creates the temporary file in `folder` (made if missing); throws when it cannot. */
  constructor(folder) {
    const name = `${Date.now()}-${process.pid}-${randomBytes(4).toString("hex")}.pack`;
    this.final = path7.join(folder, name);
    this.temporary = `${this.final}.tmp`;
    mkdirSync(folder, { recursive: true });
    this.pack = new Pack(this.temporary, openSync2(this.temporary, "wx+"));
    this.pack.beforeRead = () => this.flush();
  }
  /**
   * Appends an entry (`bytes` is kept until written: not to be changed after); throws when it
   * cannot be written (a full disk): the pack is then of no use.
   */
  append(key, bytes) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a cache key: ${key}`);
    const place = { pack: this.pack, offset: this.end + this.queuedBytes, length: bytes.length };
    this.queued.push(bytes);
    this.queuedBytes += bytes.length;
    if (this.queuedBytes >= QUEUED_BYTES) this.flush();
    this.keys.push(key);
    this.at.push(place.offset, place.length);
    return place;
  }
  /** Writes the index and trailer and gives the pack its final name; throws when it cannot. */
  finish() {
    const last = /* @__PURE__ */ new Map();
    this.keys.forEach((key, i) => last.set(key, i));
    const order = [...last.keys()].sort();
    const count = order.length;
    const index = Buffer.alloc(count * INDEX_BYTES_AN_ENTRY);
    order.forEach((key, place) => {
      const i = last.get(key);
      index.write(key, place * KEY_LENGTH, "latin1");
      index.writeDoubleLE(this.at[2 * i], count * KEY_LENGTH + 8 * place);
      index.writeDoubleLE(this.at[2 * i + 1], count * (KEY_LENGTH + 8) + 8 * place);
    });
    this.flush();
    const start = this.end;
    this.writeAll(index);
    this.writeAll(Buffer.from(`importleak-pack 2 ${hex12(start)} ${hex12(count)}
`, "latin1"));
    renameSync3(this.temporary, this.final);
    this.pack.file = this.final;
    this.keys = [];
    this.at = [];
  }
  /** Removes the temporary file (a write failed). */
  abandon() {
    this.pack.remove();
  }
  /** Writes the entries appended and not yet written. */
  flush() {
    if (!this.queued.length) return;
    const bytes = this.queued.length === 1 ? this.queued[0] : Buffer.concat(this.queued, this.queuedBytes);
    this.queued = [];
    this.queuedBytes = 0;
    this.writeAll(bytes);
  }
  writeAll(bytes) {
    for (let written = 0; written < bytes.length; ) written += writeSync(this.pack.fd, bytes, written, bytes.length - written, this.end + written);
    this.end += bytes.length;
  }
};
var QUEUED_BYTES = 256 * 1024;
function hex12(value) {
  return value.toString(16).padStart(12, "0");
}
function prunePacks(folder) {
  let names;
  try {
    names = readdirSync2(folder).filter((name) => PACK_NAME.test(name)).sort();
  } catch {
    return;
  }
  for (const name of names.slice(0, Math.max(0, names.length - MAX_PACKS))) {
    try {
      rmSync(path7.join(folder, name), { force: true });
    } catch {
    }
  }
}

// src/cache.ts
var SummaryCache = class {
  constructor(root, target) {
    this.root = root;
    this.target = target;
  }
  root;
  target;
  folderKnown;
  prepared;
  readable;
  /** Why the cache could not be written, once; the run still succeeds. */
  problem;
  /** The packs of the summaries folder, as this process knows them (see `packsKnown`). */
  packsKnownNow;
  /** The pack this run is writing, once it has written PACK_AFTER entry files. */
  writer;
  /** Entry files this run has written. */
  entryFiles = 0;
  /** The summaries folder: worked out when first needed, since a run that prints its last output again reads no summary. */
  get folder() {
    this.folderKnown ??= path8.join(this.root, `${analyzerId(this.root).slice(0, 12)}-${hash(JSON.stringify([this.target.version, this.target.platform])).slice(0, 8)}`);
    return this.folderKnown;
  }
  /** The cache key of a file (see `fileKeyOf`). */
  static keyOf(relative, bytes) {
    return fileKeyOf(relative, bytes);
  }
  /** The key of a read (see `fileKeyOfRead`). */
  static keyOfRead(relative, read2) {
    return fileKeyOfRead(relative, read2);
  }
  async get(key, relative) {
    return (await this.getEntry(key, relative))?.value;
  }
  /**
   * The entry of `key`, and the hash of its stored text (see `digestOf`); with `sharing`, see
   * `reviveStored`. `digest`, when the caller knows it (the run record's, for a key it recorded), is
   * not computed again: an entry is what the analyzer made of the bytes its key hashes, the same each time.
   */
  async getEntry(key, relative, sharing, digest) {
    if (!await this.usable(false)) return void 0;
    const place = this.packPlace(key);
    let bytes;
    try {
      bytes = place ? place.pack.view(place.offset, place.length) : readFileSync4(this.entryFile(key));
    } catch {
      return void 0;
    }
    const remove = place ? () => place.pack.remove() : () => rmSync2(this.entryFile(key), { force: true });
    try {
      const value = reviveStored(storedOf(bytes), relative, sharing, remove);
      if (value.summary) packedOnDisk(value.summary, this, key, bytes.length);
      return { value, digest: digest ?? hash(bytes) };
    } catch {
      if (place) remove();
      return void 0;
    }
  }
  /** Where the entry of `key` is in a pack, if one holds it: this process's, else the newest. */
  packPlace(key) {
    const known = this.packsKnown();
    const own = known.own.get(key);
    if (own) return own;
    known.indexes ??= openPacks(this.packFolder);
    for (const index of known.indexes) {
      const place = index.find(key);
      if (place) return place;
    }
    return void 0;
  }
  /**
   * What this process knows of the packs of the summaries folder: shared by the caches of one
   * folder (the run record's check has one, the analysis another), so that their indexes are read
   * once, and the entries one wrote are found by the other.
   */
  packsKnown() {
    if (!this.packsKnownNow) {
      let known = PACKS_KNOWN.get(this.packFolder);
      if (!known) PACKS_KNOWN.set(this.packFolder, known = { own: /* @__PURE__ */ new Map() });
      this.packsKnownNow = known;
    }
    return this.packsKnownNow;
  }
  get packFolder() {
    return path8.join(this.folder, "packs");
  }
  /**
   * The hash of a file's outcome as the cache stores it (without its path): two outcomes with the
   * same hash are the same summary and diagnostics. The run record (replay.ts) compares them.
   */
  static digestOf(value) {
    return hash(storedBytes(storedText(value)));
  }
  /**
   * Stores `value` under `key` (not a transient one); its digest either way (see `digestOf`).
   * `stored`: how it is stored when the caller has that already (a worker thread sends it).
   */
  async set(key, value, stored) {
    const bytes = storedBytes(stored ?? storedText(value));
    const digest = hash(bytes);
    if (value.transient) return void 0;
    if (!await this.usable(true)) return digest;
    let kept;
    if (this.entryFiles < PACK_AFTER) {
      kept = this.writeEntry(this.entryFile(key), bytes);
      if (kept) this.entryFiles++;
    } else kept = this.writeToPack(key, bytes);
    if (kept && value.summary) packedOnDisk(value.summary, this, key, bytes.length);
    return digest;
  }
  /** Appends an entry to this run's pack (begun when needed); false when it cannot be written. */
  writeToPack(key, bytes) {
    try {
      this.writer ??= new PackWriter(this.packFolder);
      this.packsKnown().own.set(key, this.writer.append(key, bytes));
      return true;
    } catch (error) {
      this.problem ??= `cannot write the cache in ${this.root}: ${error.message}`;
      this.dropPack();
      return false;
    }
  }
  /**
   * Finishes the pack this run has been writing, if any: its index written, it takes its final
   * name, where other runs find it, and packs beyond the newest MAX_PACKS are removed. Called when
   * a stage has stored what it will; a run that stores more after begins another pack.
   */
  finish() {
    const writer = this.writer;
    if (!writer) return;
    this.writer = void 0;
    try {
      writer.finish();
      prunePacks(this.packFolder);
    } catch (error) {
      this.problem ??= `cannot write the cache in ${this.root}: ${error.message}`;
      this.writer = writer;
      this.dropPack();
    }
  }
  /** Gives up this run's pack (a write failed): its entries are taken as missing, and their packed calls stay in memory. */
  dropPack() {
    const writer = this.writer;
    if (!writer) return;
    this.writer = void 0;
    writer.abandon();
    const { own } = this.packsKnown();
    for (const [key, place] of own) if (place.pack === writer.pack) own.delete(key);
  }
  /**
   * Writes a file of the cache folder (a run record, the kept rules, an entry found there already)
   * to a temporary file and renames it: concurrent runs never see half of one. A failure is noted in
   * `problem` (and false returned); the run goes on. `text` may be a function giving the text in
   * pieces (see `jsonChunks`), called for each attempt. Synchronously: fs/promises' open, write,
   * close and rename are each a trip to libuv's thread pool and back.
   */
  writeWhole(file, text) {
    const temporary = `${file}.${process.pid}.${randomBytes2(4).toString("hex")}.tmp`;
    try {
      createFile(temporary, text, file);
      renameSync4(temporary, file);
      return true;
    } catch (error) {
      try {
        rmSync2(temporary, { force: true });
      } catch {
      }
      this.problem ??= `cannot write the cache in ${this.root}: ${error.message}`;
      return false;
    }
  }
  /**
   * Writes an entry: created under its own name, where no entry is, without a temporary file and a
   * rename (which cost a cold run of 20,000 files a second of the kernel's time). A reader that
   * meets an entry being written, or one a killed run left short, finds it does not read back (its
   * JSON is cut short, or its packed calls are not as long as it says: see `reviveStored`) and
   * takes it as missing; the entry of a key is the same whoever writes it. Where an entry is there
   * already (one left short, which was not read back, is what brings a run here), it is replaced
   * whole (`writeWhole`).
   */
  writeEntry(file, bytes) {
    try {
      createFile(file, bytes, file);
      return true;
    } catch (error) {
      if (error.code === "EEXIST") return this.writeWhole(file, bytes);
      try {
        rmSync2(file, { force: true });
      } catch {
      }
      this.problem ??= `cannot write the cache in ${this.root}: ${error.message}`;
      return false;
    }
  }
  /** The packed calls at the end of the entry of `key` (see `packedOnDisk`): the entry's last `length` bytes. */
  bytesAt(key, offset, length) {
    const place = this.packPlace(key);
    if (place) {
      if (place.length !== offset + length) throw new Error(`the cache entry is now ${place.length} bytes, not ${offset + length}`);
      return place.pack.view(place.offset + offset, length);
    }
    const entry = readFileSync4(this.entryFile(key));
    if (entry.length !== offset + length) throw new Error(`the cache entry is now ${entry.length} bytes, not ${offset + length}`);
    return entry.subarray(offset);
  }
  entryFile(key) {
    return path8.join(this.folder, key.slice(0, 2), `${key}.json`);
  }
  /**
   * The cache folder is a real folder (made, with its .gitignore, when `forWriting`). Checked once
   * a run for reading and once for writing, not once a file; synchronously, as the cache reads and
   * writes its files: a trip through libuv's thread pool waits behind whatever else has the two
   * cores (on the run after one file changed, V8 compiling the parser's WebAssembly kept such a
   * check waiting 60 to 180 ms while the main thread had nothing else to do).
   */
  usable(forWriting) {
    if (!forWriting) {
      this.readable ??= Promise.resolve(this.checkFolder(false));
      return this.readable;
    }
    if (!this.prepared) {
      const usable = this.checkFolder(true);
      if (usable) {
        try {
          utimesSync(this.folder, /* @__PURE__ */ new Date(), /* @__PURE__ */ new Date());
        } catch {
        }
      }
      this.prepared = Promise.resolve(usable);
    }
    return this.prepared;
  }
  /** The name of this run's summaries folder in the cache folder. */
  get folderName() {
    return path8.basename(this.folder);
  }
  /**
   * Removes what the cache folder holds for other versions of importleak, or other targets, that no
   * run has used for a week: their summaries folders (`<analyzer>-<target>`), their run records
   * (`runs-<code>`) and their kept code hashes (`code-<hash>`), so that upgrading importleak, or a
   * cache that CI restores and saves again, does not keep every version's entries for ever. Only
   * those names, and only real folders and files (a symbolic link is left alone); `keep` names those
   * this run uses, kept whatever their age. Done by runs that wrote to the cache; a failure is ignored.
   */
  async pruneStale(keep2, now = Date.now()) {
    if (!await this.usable(true)) return;
    const kept = /* @__PURE__ */ new Set([this.folderName, ...keep2]);
    let names;
    try {
      names = readdirSync3(this.root);
    } catch {
      return;
    }
    await Promise.all(
      names.map(async (name) => {
        const folder = STALE_FOLDER.test(name);
        if (kept.has(name) || !folder && !STALE_FILE.test(name)) return;
        const entry = path8.join(this.root, name);
        try {
          const stat = lstatSync5(entry);
          if (now - stat.mtimeMs < STALE_AFTER_MS || (folder ? !stat.isDirectory() : !stat.isFile())) return;
          await fs4.rm(entry, { recursive: true, force: true });
        } catch {
        }
      })
    );
  }
  checkFolder(create) {
    try {
      const stat = lstatSync5(this.root);
      if (!stat.isDirectory()) {
        this.problem ??= `not using the cache: ${this.root} is ${stat.isSymbolicLink() ? "a symbolic link" : "not a folder"}`;
        return false;
      }
    } catch (error) {
      if (error.code !== "ENOENT") return false;
      if (!create) return false;
      try {
        mkdirSync2(this.root, { recursive: true });
      } catch (made) {
        this.problem ??= `cannot create the cache folder ${this.root}: ${made.message}`;
        return false;
      }
    }
    if (create) {
      writeIfMissing(path8.join(this.root, ".gitignore"), "# Made by importleak: its cache, never committed.\n*\n");
      writeIfMissing(path8.join(this.root, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by importleak.\n");
    }
    return true;
  }
};
var PACKS_KNOWN = /* @__PURE__ */ new Map();
var PACK_AFTER = 100;
var STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1e3;
var STALE_FOLDER = /^(?:[0-9a-f]{12}-[0-9a-f]{8}|runs-[0-9a-f]{12})$/;
var STALE_FILE = /^code-[0-9a-f]{16}(?:[0-9a-f]{16})?$/;
function createFile(file, data, inFolderOf) {
  const write = () => {
    if (typeof data !== "function") return writeFileSync3(file, data, { flag: "wx" });
    const fd = openSync3(file, "wx");
    try {
      for (const piece of data()) {
        const bytes = Buffer.from(piece);
        for (let written = 0; written < bytes.length; ) written += writeSync2(fd, bytes, written);
      }
    } finally {
      closeSync3(fd);
    }
  };
  try {
    write();
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    mkdirSync2(path8.dirname(inFolderOf), { recursive: true });
    write();
  }
}
function writeIfMissing(file, text) {
  try {
    writeFileSync3(file, text, { flag: "wx" });
  } catch {
  }
}
function hash(text) {
  return createHash("sha256").update(text).digest("hex");
}
var analyzerIdKnown;
function analyzerId(root) {
  if (analyzerIdKnown === void 0) {
    const here = path8.dirname(fileURLToPath2(import.meta.url));
    const pattern = /\.(m?js|ts)$/;
    const extract = path8.join(here, "extract");
    const folder = codeFiles(extract, pattern, false).length ? extract : here;
    analyzerIdKnown = keptCodeDigest(root, [folder], folder, pattern, false);
  }
  return analyzerIdKnown;
}

// src/config/projectTargets.ts
import path9 from "node:path";
var MAX_PYPROJECT_BYTES = 1024 * 1024;
var MAX_PYTHON_VERSION_BYTES = 4096;
async function projectTargets(root, files, runTarget, explicit) {
  if (explicit) return { of: () => runTarget, diagnostics: [] };
  const folders = /* @__PURE__ */ new Set();
  for (const file of files) {
    for (let folder = parentOf(file.relative); folder !== void 0 && !folders.has(folder); folder = folder === "" ? void 0 : parentOf(folder)) folders.add(folder);
  }
  const listed = [...folders].sort();
  const found = /* @__PURE__ */ new Map();
  const diagnostics = [];
  await inLanes(listed.length, async (index) => {
    const folder = listed[index];
    const relative = folder ? `${folder}/pyproject.toml` : "pyproject.toml";
    const file = path9.join(root, relative);
    if (await pathKind(file) === "file") {
      const read3 = await readRegularFile(file, MAX_PYPROJECT_BYTES);
      const outcome = read3.ok ? requiresPythonOf(read3.bytes.toString("utf8")) : { problem: read3.reason === "too-large" ? `over ${MAX_PYPROJECT_BYTES / 1024 / 1024} MiB` : "it cannot be read" };
      if ("problem" in outcome) {
        diagnostics.push({ kind: "read-error", path: relative, message: `not read for \`requires-python\`: ${outcome.problem}; the files below it are analyzed for ${pythonVersion(runTarget)}` });
        return;
      }
      if (outcome.version) return void found.set(folder, { version: outcome.version, platform: runTarget.platform });
    }
    const pinned = path9.join(root, folder ? `${folder}/.python-version` : ".python-version");
    if (await pathKind(pinned) !== "file") return;
    const read2 = await readRegularFile(pinned, MAX_PYTHON_VERSION_BYTES);
    const version = read2.ok ? pinnedVersionOf(read2.bytes.toString("utf8")) : void 0;
    if (version) found.set(folder, { version, platform: runTarget.platform });
  });
  diagnostics.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  if (found.size === 0) return { of: () => runTarget, diagnostics };
  const byFolder = /* @__PURE__ */ new Map();
  const targetOfFolder = (folder) => {
    let target = byFolder.get(folder);
    if (!target) {
      target = found.get(folder) ?? (folder === "" ? runTarget : targetOfFolder(parentOf(folder)));
      if (target !== runTarget && sameTarget(target, runTarget)) target = runTarget;
      byFolder.set(folder, target);
    }
    return target;
  };
  return { of: (relative) => targetOfFolder(parentOf(relative) ?? ""), diagnostics };
}
function parentOf(relative) {
  const slash = relative.lastIndexOf("/");
  return slash < 0 ? "" : relative.slice(0, slash);
}
function requiresPythonOf(text) {
  let parsed;
  try {
    parsed = parse(text);
  } catch (error) {
    return { problem: `not valid TOML (${error.message.split("\n")[0]})` };
  }
  const project = parsed.project;
  const specifier = typeof project === "object" && project !== null ? project["requires-python"] : void 0;
  if (typeof specifier !== "string") return {};
  const version = versionFromRequiresPython(specifier);
  return version ? { version } : {};
}
function pinnedVersionOf(text) {
  const first = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== "" && !line.startsWith("#"));
  const match = first ? /^(?:cpython-|python)?3\.(\d{1,2})(?:[.\-+a-z]|$)/.exec(first) : null;
  return match ? [3, Number(match[1])] : void 0;
}
function sameTarget(a, b) {
  return a.version[0] === b.version[0] && a.version[1] === b.version[1] && a.platform === b.platform;
}
function pythonVersion(target) {
  return `Python ${target.version[0]}.${target.version[1]}`;
}

// src/deploy/deploymentFiles.ts
import { promises as fs5 } from "node:fs";
import path10 from "node:path";
var DISCOVERY_PATTERNS = [
  "**/Procfile",
  "**/Dockerfile",
  "**/Dockerfile.*",
  "**/*.Dockerfile",
  // searxng builds `container/dist.dockerfile`: the lower-case suffix editors and `docker build -f` take alike.
  "**/*.dockerfile",
  "**/Containerfile",
  "**/docker-compose*.yml",
  "**/docker-compose*.yaml",
  "**/compose*.yml",
  "**/compose*.yaml",
  "**/render.yaml",
  "**/fly.toml",
  "**/app.yaml",
  "**/*.service",
  "**/gunicorn.conf.py",
  "**/*uwsgi*.ini"
];
var DISCOVERY_IGNORE = [
  "**/.git/**",
  "**/node_modules/**",
  "**/site-packages/**",
  "**/__pycache__/**",
  "**/.venv*/**",
  "**/venv/**",
  "**/.tox/**",
  "**/.nox/**",
  // Caches: importleak's own (written by every run: a walk into it would never be the same twice).
  "**/.importleak_cache/**",
  "**/.mypy_cache/**",
  "**/.ruff_cache/**",
  "**/.pytest_cache/**"
];
function fileKind(relative) {
  const name = path10.posix.basename(relative);
  if (name === "Procfile") return "Procfile";
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(name) || name.endsWith(".Dockerfile") || name.endsWith(".dockerfile")) return "Dockerfile";
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return "docker-compose";
  if (name === "render.yaml") return "render.yaml";
  if (name === "fly.toml") return "fly.toml";
  if (name === "app.yaml") return "app.yaml";
  if (name.endsWith(".service")) return "systemd";
  if (name.endsWith(".py")) return "gunicorn.conf.py";
  if (name.endsWith(".ini") && name.includes("uwsgi")) return "uwsgi.ini";
  return void 0;
}
function isDeploymentFileName(name) {
  const kind = fileKind(name);
  return kind !== void 0 && (kind !== "gunicorn.conf.py" || name === "gunicorn.conf.py");
}
async function findDeploymentFiles(root, searchIn, watch) {
  const problems = [];
  const found = /* @__PURE__ */ new Set();
  const byRealPath = /* @__PURE__ */ new Set();
  for (const where of searchIn) {
    const folder = path10.join(root, where);
    let stat;
    try {
      stat = await watchedStat(folder, watch);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) {
      if (isDeploymentFileName(path10.posix.basename(where))) found.add(toRelative(root, folder));
      continue;
    }
    const entries = await (await fastGlob())(DISCOVERY_PATTERNS, { cwd: folder, ignore: DISCOVERY_IGNORE, onlyFiles: false, objectMode: true, followSymbolicLinks: false, suppressErrors: true, dot: true, fs: watchingFs(watch) });
    if (watch && entries.some((entry) => !coveredByWatch(entry.dirent))) watch.complete = false;
    for (const entry of entries.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) {
      const relative = toRelative(root, path10.join(folder, entry.path));
      if (entry.dirent.isDirectory()) continue;
      if (entry.dirent.isSymbolicLink()) {
        const target = await watchedStat(path10.join(root, relative), watch).catch(() => void 0);
        if (!target || target.isDirectory()) continue;
      } else if (!entry.dirent.isFile()) {
        const what = await fs5.lstat(path10.join(root, relative)).catch(() => void 0);
        problems.push({ file: relative, message: `cannot read: ${what ? notRegularMessage(what) : "not a regular file"}; not opened` });
        continue;
      }
      const real = await watchedRealpath(path10.join(root, relative), watch).catch(() => void 0);
      if (real && byRealPath.has(real)) continue;
      if (real) byRealPath.add(real);
      found.add(relative);
    }
  }
  return { found: [...found].sort(), problems };
}
function listingValue(listed) {
  return JSON.stringify([listed.found, listed.problems]);
}
function listingOf(value) {
  const [found, problems] = JSON.parse(value);
  return { found, problems };
}
async function deploymentFileListing(root, searchIn, watch) {
  return listingValue(await findDeploymentFiles(path10.resolve(root), searchIn, watch));
}
function toRelative(root, file) {
  const absolute = path10.resolve(root, file);
  return path10.relative(root, absolute).split(path10.sep).join("/");
}

// src/replay.ts
import { createHash as createHash2 } from "node:crypto";
import { readFileSync as readFileSync5 } from "node:fs";
import path11 from "node:path";

// src/jsonChunks.ts
function* jsonChunks(value, size = 64 * 1024) {
  let pending = "";
  function* write(item) {
    if (!splittable(item)) {
      pending += JSON.stringify(item) ?? "null";
    } else if (Array.isArray(item)) {
      pending += "[";
      for (let index = 0; index < item.length; index++) {
        if (index > 0) pending += ",";
        yield* write(item[index]);
        if (pending.length >= size) {
          yield pending;
          pending = "";
        }
      }
      pending += "]";
    } else {
      pending += "{";
      let first = true;
      for (const key of Object.keys(item)) {
        const field = item[key];
        if (field === void 0 || typeof field === "function" || typeof field === "symbol") continue;
        pending += `${first ? "" : ","}${JSON.stringify(key)}:`;
        first = false;
        yield* write(field);
        if (pending.length >= size) {
          yield pending;
          pending = "";
        }
      }
      pending += "}";
    }
  }
  yield* write(value);
  if (pending) yield pending;
}
function splittable(item) {
  if (item === null || typeof item !== "object" || typeof item.toJSON === "function") return false;
  const values = Array.isArray(item) ? item : Object.values(item);
  return values.some((v) => v !== null && typeof v === "object");
}

// src/replay.ts
function* recordPieces(record) {
  const { stdout, outputFile, ...output } = record.output;
  const stored = {
    ...record,
    output: { ...output, stdoutBytes: Buffer.byteLength(stdout), ...outputFile ? { outputFile: { path: outputFile.path, bytes: Buffer.byteLength(outputFile.text) } } : {} }
  };
  yield* jsonChunks(stored);
  yield "\n";
  yield stdout;
  if (outputFile) yield outputFile.text;
}
function isRule(value) {
  const rule = value;
  return typeof rule === "object" && rule !== null && typeof rule.id === "string" && typeof rule.name === "string" && typeof rule.title === "string" && typeof rule.fix === "string" && Array.isArray(rule.matches) && typeof rule.docs === "object" && rule.docs !== null;
}
function discoveryFingerprint(discovery) {
  return JSON.stringify([discovery.files.map((f) => f.relative), discovery.diagnostics]);
}
var RunRecords = class {
  constructor(cache) {
    this.cache = cache;
    this.folder = recordsFolder(cache.root);
  }
  cache;
  folder;
  /** The key of a run: the hash of everything that shapes its output besides the files it reads. */
  key(parts) {
    return createHash2("sha256").update(codeId(this.cache.root)).update("\0").update(JSON.stringify(parts)).digest("hex");
  }
  /** The record of `key`; `read`: its file as read a moment ago (see handoff.ts). */
  async load(key, read2) {
    if (!await this.cache.usable(false)) return void 0;
    try {
      read2 ??= readRecordFile(this.file(key));
      if (!read2) return void 0;
      const { stdoutBytes: _stdoutBytes, outputFile, ...output } = read2.record.output;
      return {
        ...read2.record,
        output: { ...output, stdout: read2.stdout.toString("utf8"), ...outputFile && read2.outputFile ? { outputFile: { path: outputFile.path, text: read2.outputFile.bytes.toString("utf8") } } : {} }
      };
    } catch {
      return void 0;
    }
  }
  /**
   * Written whole (see `SummaryCache.writeWhole`): a concurrent run reads the old record or the new
   * one. In pieces (see `jsonChunks`): the record of a large tree is tens of MB of JSON. The output
   * after the JSON, as bytes (see `readRecordFile`).
   */
  async save(key, record) {
    if (await this.cache.usable(true)) this.cache.writeWhole(this.file(key), () => recordPieces(record));
  }
  /**
   * The rules (rules/*.md), parsed from their YAML headers once per version of importleak and kept
   * as JSON in the records folder, whose name is the hash of importleak's code and rules. Read
   * back, they take a millisecond; parsing the YAML takes 40 ms, a twentieth of a small project's
   * analysis. When none are kept (or the file is damaged) they are parsed, and `keep` writes them:
   * after the analysis, so that the cache folder is not made before the discovery lists the tree.
   */
  async rules() {
    const file = path11.join(this.folder, "rules.json");
    if (await this.cache.usable(false)) {
      try {
        const kept = JSON.parse(readFileSync5(file, "utf8"));
        if (Array.isArray(kept) && kept.length > 0 && kept.every(isRule)) return { rules: kept };
      } catch {
      }
    }
    const { loadRules } = await import("./shared-SPAHOED7.mjs");
    const rules = loadRules();
    return { rules, keep: async () => void (await this.cache.usable(true) && this.cache.writeWhole(file, JSON.stringify(rules))) };
  }
  /**
   * Files the command line's entry (see quickReplay.ts) that leads the next run of the same command
   * line to the record `entry.key`; not written again when it is already there as it would be.
   */
  async saveInvocation(argv, cwd, env, entry) {
    if (!await this.cache.usable(true)) return;
    const commandLine = commandLineOf(codeId(this.cache.root), argv, cwd, env);
    const file = invocationFile(this.folder, commandLine);
    const text = JSON.stringify({ format: INDEX_FORMAT, commandLine, cacheDir: this.cache.root, ...entry });
    try {
      if (readFileSync5(file, "utf8") === text) return;
    } catch {
    }
    this.cache.writeWhole(file, text);
  }
  /** The name of the records folder in the cache folder. */
  get folderName() {
    return path11.basename(this.folder);
  }
  /**
   * The record last written by a run that finds its files as runs of `scope` do (see `filesScope`).
   * A run with no record of its own (another command on the same tree, `graph` after `check`, or
   * `check` with another format or report file) takes that record's file keys by their stat data,
   * instead of reading and hashing every file again (see `stillHolds`, `borrowed`).
   */
  async latest(scope) {
    if (!await this.cache.usable(false)) return void 0;
    try {
      const key = readFileSync5(this.latestFile(scope), "utf8").trim();
      return /^[0-9a-f]{64}$/.test(key) ? await this.load(key) : void 0;
    } catch {
      return void 0;
    }
  }
  /** Notes `key` as the record last written for `scope` (see `latest`). */
  async saveLatest(scope, key) {
    if (await this.cache.usable(true)) this.cache.writeWhole(this.latestFile(scope), key);
  }
  /** The file of the record `key`. */
  file(key) {
    return recordFile(this.folder, key);
  }
  latestFile(scope) {
    return path11.join(this.folder, `${scope}.latest`);
  }
};
async function stillHolds({ record, discover, maxFileBytes, target, explicitVersion = false, cache, parsedKeys, borrowed = false, listed, parsing, handoff }) {
  let watch = record.watch;
  const confirmed = handoff?.confirmed ?? /* @__PURE__ */ new Set();
  let discovery;
  let inputsWatched = handoff?.renewed ?? false;
  const renewed = () => void (inputsWatched = true);
  if (listed) ({ discovery, watch } = listed);
  else if (watch && await watchHolds(watch, confirmed, renewed)) discovery = recordedDiscovery(record, discover.root);
  else {
    watch = newTreeWatch();
    discovery = await discoverPythonFiles({ ...discover, watch });
  }
  const known = /* @__PURE__ */ new Map();
  const sameFiles = discoveryFingerprint(discovery) === record.discovery && discovery.files.length === record.files.length;
  const listings = [];
  let holds = !borrowed && sameFiles && await inputsHold(record.inputs, renewed, listings, confirmed);
  if (!sameFiles || borrowed) {
    for (const input of record.inputs) if (input.kind === "deployment-files" && await watchHolds(input.watch, confirmed)) listings.push(input);
  }
  const byPath = sameFiles ? void 0 : new Map(record.files.map((f) => [f[0], f]));
  const now = new Array(discovery.files.length);
  const toRead = [];
  let unrecorded = 0;
  for (let index = 0; index < discovery.files.length; index++) {
    const file = discovery.files[index];
    const fingerprint = byPath ? byPath.get(file.relative) : record.files[index];
    if (!fingerprint) {
      unrecorded++;
      continue;
    }
    const signature = fingerprint[3];
    if (signature && (!byPath && handoff?.matched?.[index] === 1 || sameStat(file.absolute, signature))) {
      now[index] = fingerprint;
      known.set(file.relative, fingerprint);
    } else toRead.push([index, fingerprint]);
  }
  if (toRead.length) expectParses(toRead.length + unrecorded);
  const loadFirst = waitsForSecondTier(toRead.length + unrecorded);
  await inLanes(toRead.length, async (position) => {
    if (!holds) return;
    const [index, [, key, digest]] = toRead[position];
    const file = discovery.files[index];
    const read2 = await readRegularFile(file.absolute, maxFileBytes, { record: false });
    const currentKey = SummaryCache.keyOfRead(file.relative, read2);
    const currentSignature = read2.ok ? statSignature(read2.stat) : "";
    if (currentKey === key) {
      known.set(file.relative, now[index] = [file.relative, key, digest, currentSignature]);
      return;
    }
    if (!read2.ok) {
      holds = false;
      return;
    }
    const fileTarget = (await projectTargets(discover.root, [file], target, explicitVersion)).of(file.relative);
    const fileCache = fileTarget === target ? cache : new SummaryCache(cache.root, fileTarget);
    const cached2 = await fileCache.getEntry(currentKey, file.relative);
    let currentDigest = cached2?.digest;
    if (!cached2) {
      if (loadFirst) parsing?.();
      const { summariseBytes } = await import("./shared-RGICNAMQ.mjs");
      const fresh = await summariseBytes(file.relative, read2.bytes, fileTarget);
      if (fresh.transient) {
        holds = false;
        return;
      }
      currentDigest = await fileCache.set(currentKey, fresh);
      if (fileCache !== cache) fileCache.finish();
      parsedKeys.add(currentKey);
    }
    if (currentDigest !== digest) {
      holds = false;
      return;
    }
    known.set(file.relative, now[index] = [file.relative, currentKey, digest, currentSignature]);
  });
  cache.finish();
  return { discovery, watch, known, inputsWatched, listings, ...holds ? { holds: now } : {} };
}
function sameStat(file, signature) {
  const stat = statNow(file);
  return stat !== void 0 && stat.isFile() && statSignature(stat) === signature;
}
function recordedDiscovery(record, root) {
  const [, diagnostics] = JSON.parse(record.discovery);
  return { files: record.files.map(([relative]) => ({ relative, absolute: path11.resolve(root, relative) })), diagnostics };
}
async function inputsHold(inputs, renewed, listings, confirmed) {
  const checks = await Promise.all(
    inputs.map(async (input) => {
      switch (input.kind) {
        case "read":
          return await readDigest(input.file, input.maxBytes) === input.digest;
        case "stat":
          return await pathKindUnrecorded(input.file) === input.value;
        case "deployment-files": {
          if (!await watchHolds(input.watch, confirmed, renewed)) {
            const watch = newTreeWatch();
            if (await deploymentFileListing(input.root, input.searchIn, watch) !== input.value) return false;
            input.watch = watch;
            renewed();
          }
          listings.push(input);
          return true;
        }
        default:
          return false;
      }
    })
  );
  return checks.every(Boolean);
}
function distinctInputs(inputs) {
  const seen = /* @__PURE__ */ new Map();
  for (const input of inputs) seen.set(JSON.stringify(input.kind === "read" ? [input.kind, input.file, input.maxBytes] : input.kind === "stat" ? [input.kind, input.file] : [input.kind, input.root, input.searchIn, input.followExternalLinks]), input);
  return [...seen.values()];
}

export {
  DEFAULT_MAX_FILE_BYTES,
  inLanes,
  MAX_SMALL_FILE_BYTES,
  readRegularFile,
  readAt,
  isWithin,
  realPath,
  OutputError,
  writeOutputFile,
  recordInputs,
  noteInput,
  pathKind,
  statSignature,
  knownLocalPython,
  keepAnswer,
  withTargetFlags,
  targetOf,
  targetSoon,
  asksLocalPython,
  ConfigError,
  defaultConfig,
  loadConfig,
  ruleSelected,
  keepCodeDigests,
  newTreeWatch,
  discoverOptionsOf,
  discoverPythonFiles,
  compileIgnore,
  quotePattern,
  describeError,
  takeHandoff,
  endQuietlyOnClosedPipe,
  StageTimes,
  DEFAULT_CACHE_DIR,
  knownAnswer,
  RECORD_FORMAT,
  SummaryCache,
  projectTargets,
  fileKind,
  isDeploymentFileName,
  findDeploymentFiles,
  listingValue,
  listingOf,
  toRelative,
  discoveryFingerprint,
  RunRecords,
  stillHolds,
  distinctInputs
};
