package rasad.endtoend;

import rasad.kernel.people.NationalId;

/** Valid national ids for tests: nine digits from a number, completed with their check digit. */
final class NationalIds {

    private NationalIds() {}

    static String valid(int number) {
        return NationalId.completing(String.format("%09d", 100_000_000 + number % 800_000_000))
                .value();
    }
}
