package rasad.endtoend;

/** Valid national ids for tests: nine digits from a number, and the check digit the national rule gives them. */
final class NationalIds {

    private NationalIds() {
    }

    static String valid(int number) {
        String body = String.format("%09d", 100_000_000 + number % 800_000_000);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        return body + (remainder < 2 ? remainder : 11 - remainder);
    }
}
