package io.convene;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayDeque;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between ejb-core's contexts (its top-level packages: meeting, chat, user, audit ...),
 * read from the compiled classes. Contexts that depend on each other, directly or round a longer
 * loop, cannot be changed or tested one at a time: where one context must hear of another's news it
 * observes its events (meeting's {@code MeetingNews}), and where a lower one needs an answer from a
 * higher one it owns a port that the higher one implements (audit's {@code AuditedPeople},
 * notification's {@code ConnectedServices}).
 */
class ContextWallsTest {

    private static JavaClasses core;

    @BeforeAll
    static void read() {
        // ejb-core's own classes only (what Maven compiled here), so a class of another module on the classpath shows as elsewhere
        core = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void contextsDependOnEachOtherOnlyOneWay() {
        Map<String, Set<String>> uses = contextDependencies();
        assertThat(uses).as("the classes were read").containsKeys("meeting", "notification", "integration", "shared");
        assertThat(uses.get("notification")).as("the dependencies were read").contains("meeting");

        assertThat(loops(uses)).as("contexts in a loop of dependencies (%s)", uses).isEmpty();
    }

    @Test
    void sharedDependsOnNoContext() {
        assertThat(contextDependencies().getOrDefault("shared", Set.of())).isEmpty();
    }

    @Test
    void theCoreUsesNoOtherModule() {
        Set<String> ours = core.stream().map(JavaClass::getName).collect(Collectors.toSet());
        Set<String> elsewhere = new TreeSet<>();
        for (JavaClass c : core) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getName();
                if (target.startsWith("io.convene.") && !ours.contains(target)) {
                    elsewhere.add(c.getName() + " -> " + target);
                }
            }
        }
        assertThat(ours).as("the classes were read").hasSizeGreaterThan(100);
        assertThat(elsewhere).as("ejb-core classes using classes not in ejb-core").isEmpty();
    }

    /**
     * Every context keeps JPA, SQL and JDBC in its {@code persistence} package, behind interfaces of
     * the context (its repositories and stores); nothing else holds an {@code EntityManager}.
     */
    @Test
    void theDatabaseIsReachedOnlyFromPersistencePackages() {
        Map<String, Set<String>> outside = new TreeMap<>();
        Set<String> inside = new TreeSet<>();
        for (JavaClass c : core) {
            String context = context(c.getPackageName());
            if (context == null) {
                continue;
            }
            boolean persistence = c.getPackageName().startsWith("io.convene." + context + ".persistence");
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (DATABASE_ACCESS.contains(d.getTargetClass().getName())) {
                    if (persistence) {
                        inside.add(context);
                    } else {
                        outside.computeIfAbsent(context, k -> new TreeSet<>()).add(c.getSimpleName());
                    }
                }
            }
        }
        assertThat(inside).as("the database access was recognised").contains("meeting", "chat", "user", "platform");
        assertThat(outside).as("classes reaching the database outside their context's persistence package").isEmpty();
    }

    @Test
    void noContextUsesAnotherContextsPersistence() {
        Set<String> reaching = new TreeSet<>();
        for (JavaClass c : core) {
            String from = context(c.getPackageName());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String pkg = d.getTargetClass().getBaseComponentType().getPackageName();
                String to = context(pkg);
                if (to != null && !to.equals(from) && pkg.startsWith("io.convene." + to + ".persistence")) {
                    reaching.add(c.getName() + " -> " + d.getTargetClass().getName());
                }
            }
        }
        assertThat(core.stream().filter(c -> c.getPackageName().endsWith(".persistence"))).as("persistence packages were read")
                .isNotEmpty();
        assertThat(reaching).isEmpty();
    }

    /** What reaches the database: the entity manager and the queries it makes. */
    private static final Set<String> DATABASE_ACCESS = Set.of("jakarta.persistence.EntityManager",
            "jakarta.persistence.Query", "jakarta.persistence.TypedQuery", "jakarta.persistence.PersistenceContext",
            "javax.sql.DataSource", "java.sql.Connection");

    /** Which context's classes use which other context's classes. */
    private static Map<String, Set<String>> contextDependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass c : core) {
            String from = context(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = context(d.getTargetClass().getBaseComponentType().getPackageName());
                if (target != null && !target.equals(from)) {
                    to.add(target);
                }
            }
        }
        return uses;
    }

    /** "meeting" for io.convene.meeting and its subpackages; null outside ejb-core's contexts. */
    private static String context(String pkg) {
        if (!pkg.startsWith("io.convene.")) {
            return null;
        }
        String rest = pkg.substring("io.convene.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The strongly connected sets of two or more contexts (Tarjan's algorithm). */
    static Set<Set<String>> loops(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String v : uses.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, uses, index, low, stack, onStack, found);
            }
        }
        return found.stream().filter(s -> s.size() > 1).collect(Collectors.toSet());
    }

    private static void connect(String v, Map<String, Set<String>> uses, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : uses.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, uses, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            found.add(component);
        }
    }

    @Test
    void aLoopIsFoundWhereverItCloses() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of());
        assertThat(loops(uses)).containsExactly(Set.of("a", "b", "c"));
        assertThat(loops(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }
}
