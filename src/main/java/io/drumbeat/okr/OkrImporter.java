package io.drumbeat.okr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.drumbeat.DrumbeatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a quarter's objectives and key results from YAML. Idempotent: importing again updates
 * titles, owners and targets and never loses check-ins; KRs missing from the file are kept.
 */
public final class OkrImporter {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,31}");
  private final Jdbi jdbi;
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /**
   * @param jdbi database
   */
  public OkrImporter(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * What an import did.
   *
   * @param quarter the quarter imported
   * @param objectives objectives in the file
   * @param added KRs that were new
   * @param updated KRs that existed and were updated
   * @param kept KR keys in the database but not in the file (kept with their check-ins)
   */
  public record Report(
      Quarter quarter, int objectives, int added, int updated, List<String> kept) {}

  /**
   * Reads, checks and imports {@code file}.
   *
   * @throws DrumbeatException naming the file and the line or key of every problem
   */
  public Report importFile(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new DrumbeatException(file + ": no such file");
    } catch (IOException e) {
      throw new DrumbeatException(file + ": cannot read: " + e.getMessage(), e);
    }
    return importText(text, file.toString());
  }

  /** Like {@link #importFile} for text already read; {@code source} names it in errors. */
  public Report importText(String text, String source) {
    return store(parse(text, source));
  }

  /**
   * Reads and checks an OKR file without storing it.
   *
   * @throws DrumbeatException naming {@code source} and the line or key of every problem
   */
  OkrFile parse(String text, String source) {
    if (text.isBlank()) {
      throw new DrumbeatException(source + ": the file is empty");
    }
    OkrFile parsed;
    try {
      parsed = yaml.readValue(text, OkrFile.class);
    } catch (JsonMappingException e) {
      // Records are bound through buffered tokens, so Jackson's location points past the mapping;
      // the key path is exact, so report that.
      throw new DrumbeatException(source + ": " + describe(e));
    } catch (JsonProcessingException e) {
      throw new DrumbeatException(source + ": " + where(e) + e.getOriginalMessage());
    }
    if (parsed == null) {
      throw new DrumbeatException(source + ": the file is empty");
    }
    List<String> problems = OkrFileCheck.problems(parsed);
    if (!problems.isEmpty()) {
      throw new DrumbeatException(
          problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n")));
    }
    return parsed;
  }

  /** The file's key results as rows, in file order (titles and units stripped). */
  static List<KeyResult> rows(OkrFile file) {
    String q = Quarter.parse(file.quarter()).toString();
    List<KeyResult> rows = new ArrayList<>();
    for (OkrFile.ObjectiveEntry o : file.objectives()) {
      for (OkrFile.KeyResultEntry kr : o.keyResults()) {
        rows.add(
            new KeyResult(
                q,
                kr.key(),
                o.key(),
                kr.title().strip(),
                kr.owner(),
                kr.start(),
                kr.target(),
                kr.unit() == null || kr.unit().isBlank() ? null : kr.unit().strip(),
                rows.size()));
      }
    }
    return rows;
  }

  /** Stores a checked file at once, in one transaction (joining the caller's, if any). */
  Report store(OkrFile file) {
    Quarter quarter = Quarter.parse(file.quarter());
    String q = quarter.toString();
    return jdbi.inTransaction(
        h -> {
          OkrRepository repo = h.attach(OkrRepository.class);
          for (int i = 0; i < file.objectives().size(); i++) {
            OkrFile.ObjectiveEntry o = file.objectives().get(i);
            repo.upsertObjective(new Objective(q, o.key(), o.title().strip(), i));
          }
          int added = 0;
          int updated = 0;
          Set<String> inFile = new HashSet<>();
          for (KeyResult row : rows(file)) {
            inFile.add(row.krKey());
            if (repo.upsertKeyResult(row)) {
              added++;
            } else {
              updated++;
            }
          }
          List<String> kept = new ArrayList<>();
          repo.keyResults(q).stream()
              .map(KeyResult::krKey)
              .filter(k -> !inFile.contains(k))
              .forEach(kept::add);
          return new Report(quarter, file.objectives().size(), added, updated, kept);
        });
  }

  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
  }

  private static String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining())
            .replaceFirst("^\\.", "");
    String message = e.getOriginalMessage().split("\n")[0];
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
      message = "unknown key";
    } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
      String type =
          f.getTargetType() == java.math.BigDecimal.class
              ? "a number"
              : f.getTargetType().getSimpleName();
      message = "\"" + f.getValue() + "\" is not " + type;
    } else if (message.startsWith("Missing required creator property")) {
      String key = message.replaceAll(".*property '([^']+)'.*", "$1");
      path = path.endsWith("." + key) ? path.substring(0, path.length() - key.length() - 1) : path;
      message = "missing required key '" + key + "'";
    }
    return path.isEmpty() ? message : path + ": " + message;
  }

  static boolean isKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  static boolean isUser(String id) {
    return id != null && USER.matcher(id).matches();
  }
}
