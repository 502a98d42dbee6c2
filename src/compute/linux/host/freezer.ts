import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import type { FileClone } from "../../driver.js";

/**
 * Freezing needs ioctls Node cannot make (FIFREEZE/FITHAW), and a spawned `fsfreeze` per file
 * system costs 10-50 ms on a loaded host. So one small Perl process (perl-base is in every Debian)
 * stays beside the driver and does a whole freeze or thaw per request line:
 *   freeze<TAB>c:<freezer.state><TAB>s:<block device><TAB>f:<mount path>…   → "ok" | "error …"
 *   thaw<TAB>…same items…                                   → "ok [ms processes were held]" | "error …"
 *   clone<TAB>c:<freezer.state>…<TAB>k:<source>\x1f<target>…  freeze, FICLONE each, thaw
 *                                                           → "ok [held ms] [quiesce ms]" | "error …"
 * Cgroups first (every process stopped), then flushes, then file-system freezes; thaw in reverse.
 * If Skiff dies while something is frozen, the helper sees its stdin close and thaws it all;
 * nothing stays frozen for more than MAX_FROZEN_S either.
 */
const HELPER = String.raw`
use strict; use warnings; use Fcntl; use IO::Handle; use Config;
STDOUT->autoflush(1);
my %CLOCK_GETTIME = (x86_64 => 228, aarch64 => 113);
my ($ARCH) = $Config{archname} =~ /^(x86_64|aarch64)/;
sub now_ns { return undef unless $ARCH; my $ts = pack("q2", 0, 0); return undef if syscall($CLOCK_GETTIME{$ARCH}, 1, $ts) != 0; my ($s, $n) = unpack("q2", $ts); return $s * 1e9 + $n; }
my $frozen_at;
my $FIFREEZE = 0xC0045877; my $FITHAW = 0xC0045878; my $FICLONE = 0x40049409; my $MAX_FROZEN_S = 60;
my (%cg, %fs); my $since = 0;
sub fs_ioctl { my ($p, $req) = @_; sysopen(my $fh, $p, O_RDONLY) or return "open $p: $!"; my $ok = ioctl($fh, $req, 0); my $e = "$!"; close $fh; return $ok ? undef : "$p: $e"; }
sub put { my ($f, $v) = @_; open(my $fh, '>', $f) or return "$f: $!"; print $fh $v; close $fh or return "$f: $!"; return undef; }
sub get { open(my $fh, '<', $_[0]) or return ''; my $s = <$fh> // ''; close $fh; chomp $s; return $s; }
sub flush_dev { sysopen(my $fh, $_[0], O_RDONLY) or return "open $_[0]: $!"; my $ok = $fh->sync; my $e = "$!"; close $fh; return $ok ? undef : "sync $_[0]: $e"; }
sub thaw_fs { my $p = shift; my $e = fs_ioctl($p, $FITHAW); delete $fs{$p}; return ($e && $e !~ /Invalid argument/) ? $e : undef; }
sub thaw_cg { my $f = shift; delete $cg{$f}; return put($f, "THAWED"); }
sub thaw_all { thaw_fs($_) for keys %fs; thaw_cg($_) for keys %cg; $since = 0; }
sub freeze_cg {
  my $f = shift; my $e = put($f, "FROZEN"); return $e if $e; $cg{$f} = 1;
  for (my $i = 0; $i < 50000; $i++) { my $s = get($f); return undef if $s eq 'FROZEN'; select(undef, undef, undef, 0.0001); }
  return "$f did not freeze";
}
sub items { my %by = (c => [], s => [], f => [], k => []); for (@_) { my ($k, $v) = split /:/, $_, 2; push @{$by{$k}}, $v if $by{$k}; } return \%by; }
sub freeze {
  my $by = items(@_); my (@cgs, @fss);
  for (@{$by->{c}}) { my $e = freeze_cg($_); push @cgs, $_; if ($e) { thaw_cg($_) for @cgs; return $e; } }
  $frozen_at = now_ns() if @cgs;
  for (@{$by->{s}}) { my $e = flush_dev($_); if ($e) { thaw_cg($_) for @cgs; return $e; } }
  for (@{$by->{f}}) { my $e = fs_ioctl($_, $FIFREEZE); if ($e) { thaw_fs($_) for @fss; thaw_cg($_) for @cgs; return $e; } $fs{$_} = 1; push @fss, $_; }
  $since ||= time; return undef;
}
sub thaw {
  my $by = items(@_); my @err; for (reverse @{$by->{f}}) { my $e = thaw_fs($_); push @err, $e if $e; } for (@{$by->{c}}) { my $e = thaw_cg($_); push @err, $e if $e; }
  $since = 0 unless %fs || %cg;
  return (@err ? join('; ', @err) : undef, undef) unless @{$by->{c}} && defined $frozen_at;
  my $now = now_ns(); my $held = defined $now ? sprintf("%.3f", ($now - $frozen_at) / 1e6) : undef; undef $frozen_at;
  return (@err ? join('; ', @err) : undef, $held);
}
sub clone_files {
  my ($by) = @_; my @made;
  for (@{$by->{k}}) {
    my ($src, $dst) = split /\x1f/, $_, 2;
    sysopen(my $in, $src, O_RDONLY) or return ("open $src: $!", \@made);
    sysopen(my $out, $dst, O_WRONLY | O_CREAT | O_EXCL, 0644) or return ("create $dst: $!", \@made);
    push @made, $dst;
    ioctl($out, $FICLONE, fileno($in) + 0) or return ("clone $src: $!", \@made);
    close $out; close $in;
  }
  return (undef, \@made);
}
sub clone {
  my $by = items(@_); my $start = now_ns();
  for (@{$by->{c}}) { my $e = freeze_cg($_); if ($e) { thaw_cg($_) for @{$by->{c}}; return ($e); } }
  my $frozen = now_ns(); $since ||= time;
  my ($e, $made) = clone_files($by);
  my @err = grep { defined } map { thaw_cg($_) } @{$by->{c}};
  my $thawed = now_ns(); $since = 0 unless %fs || %cg;
  if ($e) { unlink @$made; return ($e); }
  return (join('; ', @err)) if @err;
  return (undef, defined $thawed ? sprintf("%.3f %.3f", ($thawed - $frozen) / 1e6, ($frozen - $start) / 1e6) : undef);
}
my $buf = '';
while (1) {
  my $rin = ''; vec($rin, fileno(STDIN), 1) = 1;
  my $n = select(my $rout = $rin, undef, undef, 1);
  if ($since && time - $since > $MAX_FROZEN_S) { thaw_all(); print STDERR "freezer: thawed everything after $MAX_FROZEN_S s\n"; }
  next if $n <= 0;
  my $got = sysread(STDIN, $buf, 65536, length $buf);
  if (!$got) { thaw_all(); exit 0; }
  while ($buf =~ s/^([^\n]*)\n//) {
    my ($cmd, @args) = split /\t/, $1;
    my ($e, $held) = $cmd eq 'freeze' ? freeze(@args) : $cmd eq 'thaw' ? thaw(@args) : $cmd eq 'clone' ? clone(@args) : ("unknown command $cmd");
    print defined $e ? "error $e\n" : defined $held ? "ok $held\n" : "ok\n";
  }
}
`;

export interface FreezeItems {
  /** freezer.state files of cgroups to freeze. */
  cgroups: string[];
  /** Block devices to flush (disks no file system of the instance is mounted from). */
  devices: string[];
  /** Mount points (host paths) of file systems to freeze. */
  mounts: string[];
}

export interface Freezer {
  /** Freezes the cgroups, clones the files, thaws: ms held frozen and ms until frozen, if told. */
  clone(cgroups: string[], clones: FileClone[]): Promise<{ frozenMs?: number; quiesceMs?: number }>;
  /** Freezes everything; resolves with ms until every cgroup was frozen. */
  freeze(items: FreezeItems): Promise<number>;
  /** Thaws; resolves with how long the cgroups were held frozen (when the host can tell). */
  thaw(items: FreezeItems): Promise<number | undefined>;
  close(): void;
}

export function createFreezer(): Freezer {
  let child: ChildProcessWithoutNullStreams | undefined;
  let waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];

  function helper() {
    if (child) return child;
    const c = spawn("perl", ["-e", HELPER], { stdio: ["pipe", "pipe", "pipe"] });
    c.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    createInterface({ input: c.stdout }).on("line", (line) => waiting.shift()?.resolve(line));
    c.on("exit", () => {
      child = undefined;
      const failed = waiting;
      waiting = [];
      for (const w of failed) w.reject(new Error("the freezer helper exited"));
    });
    c.on("error", () => undefined);
    child = c;
    return c;
  }

  async function ask(command: string, items: FreezeItems, clones: FileClone[] = []): Promise<number | undefined> {
    return (await request(command, items, clones))[0];
  }

  async function request(command: string, items: FreezeItems, clones: FileClone[] = []): Promise<(number | undefined)[]> {
    const line = [
      command,
      ...items.cgroups.map((p) => `c:${p}`),
      ...items.devices.map((p) => `s:${p}`),
      ...items.mounts.map((p) => `f:${p}`),
      ...clones.map((c) => `k:${c.source}\x1f${c.target}`),
    ];
    if ([...items.cgroups, ...items.devices, ...items.mounts, ...clones.flatMap((c) => [c.source, c.target])].some((p) => /[\t\n\x1f]/.test(p))) {
      throw new Error("a path to freeze or clone holds a tab, newline or \\x1f");
    }
    const c = helper();
    const answer = new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
    c.stdin.write(`${line.join("\t")}\n`);
    const reply = await answer;
    const ok = /^ok((?: [\d.]+)*)$/.exec(reply);
    if (!ok) throw new Error(`${command} failed: ${reply.replace(/^error /, "")}`);
    return ok[1]!.trim() === "" ? [] : ok[1]!.trim().split(" ").map(Number);
  }

  return {
    async clone(cgroups, clones) {
      const [frozenMs, quiesceMs] = await request("clone", { cgroups, devices: [], mounts: [] }, clones);
      return { frozenMs, quiesceMs };
    },
    async freeze(items) {
      const started = performance.now();
      if (items.devices.length + items.mounts.length === 0) {
        await ask("freeze", items);
        return performance.now() - started;
      }
      // processes first, on their own, so that the time they are held can be told apart
      await ask("freeze", { cgroups: items.cgroups, devices: [], mounts: [] });
      const quiesced = performance.now() - started;
      try {
        await ask("freeze", { cgroups: [], devices: items.devices, mounts: items.mounts });
      } catch (e) {
        await ask("thaw", { cgroups: items.cgroups, devices: [], mounts: [] }).catch(() => undefined);
        throw e;
      }
      return quiesced;
    },
    thaw: (items) => ask("thaw", items),
    close() {
      child?.stdin.end();
      child = undefined;
    },
  };
}
