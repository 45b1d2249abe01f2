package dev.appinstances.bench.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of one operation, read from the pgbench script that bench/run.sh runs
 * (bench/pgbench/get.sql, post.sql), so the baseline always runs exactly what pgbench runs.
 *
 * <p>A script is statements ending in ';' at the end of a line; '--' comment lines and pgbench
 * meta-commands ('\set ...') are skipped, but for {@code \set r random(LOW, HIGH)}. Statements
 * before BEGIN run in autocommit, those between BEGIN and COMMIT as one transaction; nothing may
 * follow COMMIT. pgbench variables become bind parameters: the expression {@code md5('bench-' ||
 * :n)::uuid} (the seeded instance's id) is the instance guid of the request, {@code :party} the
 * party id, and {@code :r} a random whole number drawn per request from the range of its {@code
 * \set r random(LOW, HIGH)} line, allowed only as the right operand of {@code ||} (e.g. {@code
 * md5('blob-' || :r)::uuid}, so the server computes the same expression as under pgbench, which
 * also sends the number as text). Any other variable, or :r without its \set line, is refused at
 * startup.
 */
final class BenchSql {

  enum Param {
    INSTANCE_ID,
    PARTY_ID,
    /** :r as text (the right operand of a ||), the request's random number */
    RANDOM
  }

  record Statement(String sql, List<Param> params) {}

  private static final String INSTANCE_ID_EXPR = "md5('bench-' || :n)::uuid";
  // a pgbench variable: ':name' not preceded by ':' (a cast) or a word character (e.g. 15:08)
  private static final Pattern VARIABLE = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");
  private static final Pattern CONCAT_BEFORE = Pattern.compile("\\|\\|\\s*$");
  private static final Pattern SET_R =
      Pattern.compile("\\\\set\\s+r\\s+random\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)\\s*");

  /** Statements before BEGIN, in autocommit. */
  final List<Statement> autocommit;
  /** Statements between BEGIN and COMMIT (empty when the script has no BEGIN). */
  final List<Statement> statements;
  final boolean transaction;
  /** Bounds of {@code \set r random(LOW, HIGH)}, inclusive; null when the script has none. */
  final long[] randomRange;

  private BenchSql(
      List<Statement> autocommit, List<Statement> statements, boolean transaction, long[] randomRange) {
    this.autocommit = List.copyOf(autocommit);
    this.statements = List.copyOf(statements);
    this.transaction = transaction;
    this.randomRange = randomRange;
  }

  /** The value of :r for one request, uniform in the range of the script's \set line. */
  long random() {
    return ThreadLocalRandom.current().nextLong(randomRange[0], randomRange[1] + 1);
  }

  static BenchSql load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    StringBuilder body = new StringBuilder();
    long[] range = null;
    for (String line : text.split("\n")) {
      String t = line.strip();
      Matcher set = SET_R.matcher(t);
      if (set.matches()) {
        range = new long[] {Long.parseLong(set.group(1)), Long.parseLong(set.group(2))};
        if (range[0] > range[1] || range[1] == Long.MAX_VALUE) {
          throw new IllegalArgumentException(file + ": bad range in " + t);
        }
        continue;
      }
      if (t.isEmpty() || t.startsWith("--") || t.startsWith("\\")) {
        continue;
      }
      body.append(line).append('\n');
    }
    List<Statement> autocommit = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    boolean begin = false;
    boolean commit = false;
    for (String raw : body.toString().split(";[ \\t]*\\n")) {
      String sql = raw.strip();
      if (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1).strip();
      }
      if (sql.isEmpty()) {
        continue;
      }
      String upper = sql.toUpperCase(Locale.ROOT);
      if (upper.equals("BEGIN") || upper.equals("START TRANSACTION")) {
        if (begin) {
          throw new IllegalArgumentException(file + ": only one BEGIN");
        }
        autocommit.addAll(statements);
        statements.clear();
        begin = true;
        continue;
      }
      if (upper.equals("COMMIT") || upper.equals("END")) {
        commit = true;
        continue;
      }
      if (commit) {
        throw new IllegalArgumentException(file + ": statements after COMMIT");
      }
      statements.add(bind(file, sql, range != null));
    }
    if (begin != commit) {
      throw new IllegalArgumentException(file + ": BEGIN without COMMIT or the other way round");
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException(file + (begin ? ": no statements in the transaction" : ": no statements"));
    }
    if (!begin) {
      // no BEGIN: every statement runs in autocommit
      autocommit.addAll(statements);
      statements.clear();
    }
    return new BenchSql(autocommit, statements, begin, range);
  }

  private static Statement bind(Path file, String sql, boolean haveRandom) {
    List<Param> params = new ArrayList<>();
    String s = sql;
    int at;
    while ((at = s.indexOf(INSTANCE_ID_EXPR)) >= 0) {
      s = s.substring(0, at) + "\u0000I" + s.substring(at + INSTANCE_ID_EXPR.length());
    }
    Matcher m = VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (name.equals("party")) {
        m.appendReplacement(out, "\u0000P");
      } else if (name.equals("r")) {
        if (!haveRandom) {
          throw new IllegalArgumentException(file + ": :r without a \\set r random(LOW, HIGH) line before it");
        }
        if (!CONCAT_BEFORE.matcher(s.substring(0, m.start())).find()) {
          throw new IllegalArgumentException(
              file + ": :r only as the right operand of || (it is bound as text), in: " + sql);
        }
        m.appendReplacement(out, "\u0000R");
      } else {
        throw new IllegalArgumentException(
            file + ": pgbench variable :" + name + " has no meaning in the baseline");
      }
    }
    m.appendTail(out);
    s = out.toString();
    // number parameters by first appearance; a repeated one reuses its number
    StringBuilder numbered = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        char kind = s.charAt(++i);
        Param p = kind == 'I' ? Param.INSTANCE_ID : kind == 'R' ? Param.RANDOM : Param.PARTY_ID;
        int n = params.indexOf(p);
        if (n < 0) {
          params.add(p);
          n = params.size() - 1;
        }
        numbered.append('$').append(n + 1);
        if (p == Param.INSTANCE_ID) {
          numbered.append("::uuid");
        }
      } else {
        numbered.append(c);
      }
    }
    return new Statement(numbered.toString(), params);
  }
}
