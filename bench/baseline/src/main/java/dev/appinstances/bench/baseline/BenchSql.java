package dev.appinstances.bench.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of one operation, read from the pgbench script that bench/run.sh runs
 * (bench/pgbench/get.sql, post.sql), so the baseline always runs exactly what pgbench runs.
 *
 * <p>A script is statements ending in ';' at the end of a line; '--' comment lines and pgbench
 * meta-commands ('\set ...') are skipped. BEGIN/COMMIT make the statements between them one
 * transaction. pgbench variables become bind parameters: the expression {@code md5('bench-' ||
 * :n)::uuid} (the seeded instance's id) is the instance guid of the request, {@code :party} the
 * party id. Any other variable is refused at startup.
 */
final class BenchSql {

  enum Param {
    INSTANCE_ID,
    PARTY_ID
  }

  record Statement(String sql, List<Param> params) {}

  private static final String INSTANCE_ID_EXPR = "md5('bench-' || :n)::uuid";
  // a pgbench variable: ':name' not preceded by ':' (a cast) or a word character (e.g. 15:08)
  private static final Pattern VARIABLE = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

  final List<Statement> statements;
  final boolean transaction;

  private BenchSql(List<Statement> statements, boolean transaction) {
    this.statements = List.copyOf(statements);
    this.transaction = transaction;
  }

  static BenchSql load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--") || t.startsWith("\\")) {
        continue;
      }
      body.append(line).append('\n');
    }
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
        if (!statements.isEmpty()) {
          throw new IllegalArgumentException(file + ": BEGIN only as the first statement");
        }
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
      statements.add(bind(file, sql));
    }
    if (begin != commit) {
      throw new IllegalArgumentException(file + ": BEGIN without COMMIT or the other way round");
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException(file + ": no statements");
    }
    return new BenchSql(statements, begin);
  }

  private static Statement bind(Path file, String sql) {
    List<Param> params = new ArrayList<>();
    String s = sql;
    int at;
    while ((at = s.indexOf(INSTANCE_ID_EXPR)) >= 0) {
      s = s.substring(0, at) + "\u0000I" + s.substring(at + INSTANCE_ID_EXPR.length());
    }
    Matcher m = VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (!m.group(1).equals("party")) {
        throw new IllegalArgumentException(
            file + ": pgbench variable :" + m.group(1) + " has no meaning in the baseline");
      }
      m.appendReplacement(out, "\u0000P");
    }
    m.appendTail(out);
    s = out.toString();
    // number parameters by first appearance; a repeated one reuses its number
    StringBuilder numbered = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        Param p = s.charAt(++i) == 'I' ? Param.INSTANCE_ID : Param.PARTY_ID;
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
