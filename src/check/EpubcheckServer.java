// EPUBCheck kept warm for one build (src/check/epubcheck-server.ts). Almost all of a one-shot EPUBCheck run
// is the JVM loading its classes and compiling its schemas; here that happens while the book is still being
// rendered: the server first checks a small EPUB of its own (the warm-up folder given as the first
// argument), then checks each EPUB asked for on stdin, one request per line, its tab-separated arguments the
// same as `java -jar epubcheck.jar`'s (file, --json, report). EPUBCheck's console output goes to stderr, so
// that stdout carries only the server's own lines, each starting with U+0001: "ready" after the warm-up and
// "done <exit code>" after each request.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public final class EpubcheckServer {
  private EpubcheckServer() {}

  public static void main(String[] args) throws Exception {
    PrintStream replies = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    // Before any EPUBCheck class is loaded: whatever it prints goes to stderr.
    System.setOut(System.err);
    if (args.length > 0) {
      Path report = Files.createTempFile("epubcheck-warmup-", ".json");
      try {
        new EpubChecker().run(new String[] {args[0], "--mode", "exp", "--json", report.toString()});
      } catch (Throwable warmUpFailed) {
        // The warm-up only saves time: a request still runs (and reports its own failure).
      } finally {
        Files.deleteIfExists(report);
      }
    }
    replies.println("\u0001ready");
    BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = requests.readLine()) != null; ) {
      if (line.isEmpty()) continue;
      int code;
      try {
        code = new EpubChecker().run(line.split("\t"));
      } catch (Throwable failed) {
        failed.printStackTrace();
        code = -1;
      }
      replies.println("\u0001done " + code);
    }
  }
}
