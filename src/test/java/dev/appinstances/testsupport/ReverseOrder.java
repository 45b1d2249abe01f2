package dev.appinstances.testsupport;

import java.lang.reflect.Method;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * The default order backwards, to show that no test needs another to have run first.
 *
 * <p>As a {@link ClassOrderer} it reverses {@link ClassOrderer.ClassName} (the order Quarkus uses
 * inside each group of test classes that share a test profile); as a {@link MethodOrderer} it
 * reverses JUnit's default method order (by the hash code of the method name, then by name and
 * signature). Both at once:
 *
 * <pre>
 * ./mvnw verify -Djunit.quarkus.orderer.secondary-orderer=dev.appinstances.testsupport.ReverseOrder \
 *     -Djunit.jupiter.testmethod.order.default=dev.appinstances.testsupport.ReverseOrder
 * </pre>
 */
public class ReverseOrder implements ClassOrderer, MethodOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(
                        Comparator.comparing(
                                        (ClassDescriptor descriptor) ->
                                                descriptor.getTestClass().getName())
                                .reversed());
    }

    @Override
    public void orderMethods(MethodOrdererContext context) {
        context.getMethodDescriptors()
                .sort(
                        Comparator.comparing(
                                        (MethodDescriptor descriptor) ->
                                                descriptor.getMethod().getName().hashCode())
                                .thenComparing(
                                        (MethodDescriptor descriptor) ->
                                                descriptor.getMethod().getName())
                                .thenComparing(
                                        (MethodDescriptor descriptor) ->
                                                signature(descriptor.getMethod()))
                                .reversed());
    }

    private static String signature(Method method) {
        return method.toString();
    }
}
