import path from 'node:path';
import type { CopyMapping } from './formats/format.js';

/**
 * Where a path inside a container comes from in the project. `COPY`/`ADD` put files of the build
 * context at paths of the image (`COPY docker/entrypoint.sh ./entrypoint.sh` under `WORKDIR /app`
 * puts `docker/entrypoint.sh` at `/app/entrypoint.sh`; `COPY docker/*.sh /` each script at `/`), so
 * `ENTRYPOINT ["./entrypoint.sh"]` and `WORKDIR /app` can be followed back to the project.
 */
export interface ProjectPaths {
  /** The build context (or the folder of the file that runs the command), relative to the root; '' is the root. */
  context: string;
  /** What the image copied from the context, in Dockerfile order. */
  copies?: readonly CopyMapping[];
}

/**
 * The project paths a container path may come from, most likely first: the last `COPY` wins, as it
 * overwrites the earlier ones. A source is a folder (its contents land in the destination) or a file
 * (at the destination, or inside it); a glob matches file names. Candidates are checked by the caller.
 */
export function copiedFrom(containerPath: string, paths: ProjectPaths): string[] {
  const target = path.posix.normalize(containerPath).replace(/(.)\/$/, '$1');
  const candidates: string[] = [];
  for (const copy of [...(paths.copies ?? [])].reverse()) {
    const destination = path.posix.normalize(copy.destination).replace(/(.)\/$/, '$1');
    const prefix = destination === '/' ? '/' : `${destination}/`;
    if (target !== destination && !target.startsWith(prefix)) continue;
    const rest = target === destination ? '' : target.slice(prefix.length);
    const [first = '', ...after] = rest.split('/');
    for (const source of copy.sources) {
      const written = source.replace(/\/+$/, '') || '.';
      if (/[*?[]/.test(written)) {
        if (copy.fromStage) continue;
        // `COPY docker/*.sh /`: each file the glob matches lands under its own name.
        if (first && globMatches(path.posix.basename(written), first)) candidates.push(path.posix.join(paths.context, path.posix.dirname(written), first, ...after));
        continue;
      }
      // A folder's contents land in the destination; a file at it, or inside it under its own name.
      const sources = [path.posix.join(written, rest), ...(copy.intoFolder && first === path.posix.basename(written) && after.length === 0 ? [written] : [])];
      for (const found of sources) {
        // `COPY --from=build /build /app`: a path of the build stage, which came from its own copies.
        if (copy.fromStage) candidates.push(...copiedFrom(path.posix.resolve('/', found), { context: paths.context, copies: copy.fromStage }));
        else candidates.push(path.posix.join(paths.context, found));
      }
    }
  }
  return candidates;
}

/** A Dockerfile glob (Go's filepath.Match: `*`, `?`, `[...]`) against one file name. */
function globMatches(pattern: string, name: string): boolean {
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') regex += '[^/]*';
    else if (c === '?') regex += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      regex += `[${pattern.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
      i = end;
    } else regex += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${regex}$`).test(name);
  } catch {
    return false; // a bad pattern (`[z-a]`) matches nothing, as filepath.Match says ErrBadPattern
  }
}

/**
 * The project folders a container folder holds copies of, from the folders copied below it:
 * `COPY shop/ ./shop/` under `WORKDIR /srv` makes `/srv` the folder `shop/` is in. Each with the
 * source, which the caller checks is a folder (a file copied there says less of its folder).
 */
export function foldersHolding(containerFolder: string, paths: ProjectPaths): Array<{ folder: string; source: string }> {
  const target = path.posix.normalize(containerFolder).replace(/(.)\/$/, '$1');
  const prefix = target === '/' ? '/' : `${target}/`;
  const found: Array<{ folder: string; source: string }> = [];
  for (const copy of [...(paths.copies ?? [])].reverse()) {
    const destination = path.posix.normalize(copy.destination).replace(/(.)\/$/, '$1');
    if (copy.fromStage || !destination.startsWith(prefix)) continue;
    const tail = destination.slice(prefix.length);
    for (const source of copy.sources) {
      const written = path.posix.normalize(source.replace(/\/+$/, '') || '.');
      if (written !== tail && !written.endsWith(`/${tail}`)) continue;
      found.push({ folder: path.posix.join(paths.context, written.slice(0, written.length - tail.length)), source: path.posix.join(paths.context, written) });
    }
  }
  return found;
}
