package io.convene.privacy;

import io.convene.personaldata.PersonalDataKeeper;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;

/** The keepers CDI would find ({@code @Any Instance<PersonalDataKeeper>}), in the order given (not theirs). */
final class FoundKeepers implements Instance<PersonalDataKeeper> {

    private final List<PersonalDataKeeper> keepers;

    FoundKeepers(PersonalDataKeeper... keepers) {
        this.keepers = List.of(keepers);
    }

    @Override
    public Iterator<PersonalDataKeeper> iterator() {
        return keepers.iterator();
    }

    @Override
    public boolean isUnsatisfied() {
        return keepers.isEmpty();
    }

    @Override
    public boolean isAmbiguous() {
        return keepers.size() > 1;
    }

    @Override
    public PersonalDataKeeper get() {
        throw new UnsupportedOperationException("the keepers are asked one by one");
    }

    @Override
    public Instance<PersonalDataKeeper> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException("the keepers are asked one by one");
    }

    @Override
    public <U extends PersonalDataKeeper> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("the keepers are asked one by one");
    }

    @Override
    public <U extends PersonalDataKeeper> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("the keepers are asked one by one");
    }

    @Override
    public void destroy(PersonalDataKeeper instance) {
    }

    @Override
    public Handle<PersonalDataKeeper> getHandle() {
        throw new UnsupportedOperationException("the keepers are asked one by one");
    }

    @Override
    public Iterable<? extends Handle<PersonalDataKeeper>> handles() {
        throw new UnsupportedOperationException("the keepers are asked one by one");
    }
}
