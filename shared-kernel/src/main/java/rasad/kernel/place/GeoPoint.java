package rasad.kernel.place;

import rasad.kernel.validation.InvalidValueException;

/** A point on the earth (WGS 84), such as a registered workplace or where an inspector stood. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (Double.isNaN(latitude) || latitude < -90 || latitude > 90) {
            throw new InvalidValueException("LATITUDE_OUT_OF_RANGE", "latitude is between -90 and 90");
        }
        if (Double.isNaN(longitude) || longitude < -180 || longitude > 180) {
            throw new InvalidValueException("LONGITUDE_OUT_OF_RANGE", "longitude is between -180 and 180");
        }
    }

    /** Great-circle distance in metres (haversine), to compare GPS evidence with the registered workplace. */
    public double metresTo(GeoPoint other) {
        double earthRadius = 6_371_008.8;
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude))
                        * Math.cos(Math.toRadians(other.latitude))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * earthRadius * Math.asin(Math.sqrt(a));
    }
}
