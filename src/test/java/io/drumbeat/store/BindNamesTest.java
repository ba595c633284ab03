package io.drumbeat.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drumbeat.Drumbeat;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/**
 * Jdbi binds a SqlObject parameter by its name (the build compiles with {@code -parameters}), so a
 * {@code @Bind} is only for a parameter whose SQL name differs from its Java name.
 */
class BindNamesTest {
  @Test
  void no_bind_repeats_the_name_of_its_parameter() throws Exception {
    List<Method> statements = sqlMethods();
    List<String> redundant = new ArrayList<>();
    for (Method m : statements) {
      for (Parameter p : m.getParameters()) {
        assertThat(p.isNamePresent())
            .as("parameter names of %s (compile with -parameters)", m)
            .isTrue();
        Bind bind = p.getAnnotation(Bind.class);
        if (bind != null && bind.value().equals(p.getName())) {
          redundant.add(m.getDeclaringClass().getSimpleName() + "." + m.getName() + "(" + p + ")");
        }
      }
    }

    assertThat(statements).as("SQL methods found in io.drumbeat").hasSizeGreaterThan(50);
    assertThat(redundant).as("@Bind values that repeat the parameter's name").isEmpty();
  }

  /** Every method annotated {@code @SqlQuery}, {@code @SqlUpdate} or {@code @SqlBatch}. */
  static List<Method> sqlMethods() throws IOException, URISyntaxException {
    Path classes =
        Path.of(Drumbeat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Method> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("io/drumbeat"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.');
        Class<?> type = load(name.substring(0, name.length() - ".class".length()));
        for (Method m : type.getDeclaredMethods()) {
          if (m.isAnnotationPresent(SqlQuery.class)
              || m.isAnnotationPresent(SqlUpdate.class)
              || m.isAnnotationPresent(SqlBatch.class)) {
            found.add(m);
          }
        }
      }
    }
    return found;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, BindNamesTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
