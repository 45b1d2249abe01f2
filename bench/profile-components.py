#!/usr/bin/env python3
"""Sums async-profiler collapsed stacks by component, one column per profile.

    bench/profile-components.py [--top N] [--java-only] LABEL=FILE.collapsed [LABEL=FILE.collapsed ...]

Each sample goes to the component of its leaf-most frame that belongs to a named component:
frames of the JDK's own collections, strings and reflection (and native frames such as a libc
write) say nothing about who asked for the work, so the walk goes past them to the caller; a
sample with no such frame is "JDK / other". Threads without Java frames are the JIT compiler or
the garbage collector. Prints a Markdown table of each component's share of the samples;
--java-only leaves those threads out, so the shares are of the time spent serving requests (the
JIT's share depends mostly on how long the JVM has been warming up).
"""
import re
import sys
from collections import Counter

# (component, frame prefixes), first match wins. Crypto and BigInteger are JDK classes but are a
# component of their own here: they are where an RSA signature check spends its time.
COMPONENTS = [
    ("service code (dev.appinstances)", ("dev/appinstances", "dev.appinstances")),
    ("Hibernate Reactive / ORM", ("org/hibernate", "org.hibernate")),
    ("reactive PG client (Vert.x SQL)", ("io/vertx/pgclient", "io/vertx/sqlclient", "io.vertx.pgclient", "io.vertx.sqlclient")),
    ("Netty (sockets, buffers, codecs)", ("io/netty", "io.netty")),
    ("Quarkus REST / HTTP layer", ("org/jboss/resteasy", "io/quarkus/resteasy", "io/quarkus/vertx/http", "io/vertx/ext/web",
                                   "org.jboss.resteasy", "io.quarkus.resteasy", "io.quarkus.vertx.http", "io.vertx.ext.web")),
    ("Vert.x core (event loop, HTTP codec)", ("io/vertx", "io.vertx")),
    ("JWT (smallrye-jwt, jose4j)", ("io/smallrye/jwt", "org/jose4j", "io/quarkus/smallrye/jwt", "io.smallrye.jwt", "org.jose4j", "io.quarkus.smallrye.jwt")),
    ("RSA / crypto (JDK)", ("sun/security", "java/security", "javax/crypto", "com/sun/crypto", "java/math/BigInteger",
                            "sun.security", "java.security", "javax.crypto", "com.sun.crypto", "java.math.BigInteger")),
    ("Jackson (JSON)", ("com/fasterxml/jackson", "com.fasterxml.jackson")),
    ("Mutiny", ("io/smallrye/mutiny", "io.smallrye.mutiny")),
    ("context propagation / CDI", ("io/smallrye/context", "org/eclipse/microprofile/context", "io/quarkus/arc", "io/smallrye/common",
                                   "io.smallrye.context", "org.eclipse.microprofile.context", "io.quarkus.arc", "io.smallrye.common")),
    ("Micrometer (metrics)", ("io/micrometer", "io/quarkus/micrometer", "io.micrometer", "io.quarkus.micrometer")),
    ("logging", ("org/jboss/logging", "org/jboss/logmanager", "org.jboss.logging", "org.jboss.logmanager")),
    ("other Quarkus / SmallRye", ("io/quarkus", "io/smallrye", "io.quarkus", "io.smallrye")),
]
JAVA_FRAME = re.compile(r"^(L?[a-z][\w$]*[/.])+[\w$]+[.:]")
JIT = ("CompileBroker", "C2Compiler", "C1Compiler", "Compilation::", "PhaseChaitin")
GC = ("G1", "GCTask", "WorkerThread", "ConcurrentGC", "GangWorker", "WorkGang", "SafepointSynchronize", "VM_")


def component(frames):
    java_seen = False
    for frame in reversed(frames):
        for name, prefixes in COMPONENTS:
            if frame.startswith(prefixes):
                return name
        java_seen = java_seen or bool(JAVA_FRAME.match(frame))
    if java_seen:
        return "JDK / other"
    joined = ";".join(frames)
    if any(k in joined for k in JIT):
        return "JIT compiler"
    if any(k in joined for k in GC):
        return "garbage collector / VM"
    return "other native"


NOT_REQUEST_WORK = ("JIT compiler", "garbage collector / VM")


def load(path, java_only):
    counts = Counter()
    with open(path) as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            if not stack or not n.isdigit():
                continue
            frames = [fr.removesuffix("_[j]").removesuffix("_[i]").removesuffix("_[k]") for fr in stack.split(";")]
            name = component(frames)
            if not (java_only and name in NOT_REQUEST_WORK):
                counts[name] += int(n)
    return counts


def main(argv):
    top, java_only = 12, False
    while argv and argv[0] in ("--top", "--java-only"):
        if argv[0] == "--top":
            top, argv = int(argv[1]), argv[2:]
        else:
            java_only, argv = True, argv[1:]
    if not argv:
        sys.exit(__doc__)
    profiles = []
    for arg in argv:
        label, _, path = arg.rpartition("=")
        profiles.append((label or path, load(path, java_only)))
    totals = [sum(c.values()) for _, c in profiles]
    order = sorted({k for _, c in profiles for k in c}, key=lambda k: -max(c[k] / t for (_, c), t in zip(profiles, totals) if t))
    print("| component | " + " | ".join(label for label, _ in profiles) + " |")
    print("|---|" + "---:|" * len(profiles))
    shown = order[:top]
    for k in shown:
        print(f"| {k} | " + " | ".join(f"{100 * c[k] / t:.1f} %" if t else "-" for (_, c), t in zip(profiles, totals)) + " |")
    rest = order[top:]
    if rest:
        print("| (the rest) | " + " | ".join(f"{100 * sum(c[k] for k in rest) / t:.1f} %" if t else "-" for (_, c), t in zip(profiles, totals)) + " |")
    print("| samples | " + " | ".join(str(t) for t in totals) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
