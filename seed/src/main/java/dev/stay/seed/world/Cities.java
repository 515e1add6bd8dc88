package dev.stay.seed.world;

import dev.stay.seed.world.DemoWorld.City;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * The real cities demo hotels are in, on every continent, with how many hotels each gets.
 *
 * <p>Columns: name | region | ISO 3166 country | latitude | longitude of the centre | IANA time zone | ISO 4217
 * currency | price level (a three-star double room for one night, in that currency) | weight (share of the hotels) |
 * {@code coast} or {@code inland} | the culture that names its people, streets and small hotels ({@link Cultures}).
 * Hotels in Bali, Vietnam and Zanzibar quote US dollars, as many there do: in rupiah, dong or shillings the dearest
 * suites would pass booking's price ceiling of 1,000,000.
 */
final class Cities {

    /** A city with what the generator needs beyond its public record. */
    record Entry(City city, int weight, boolean coastal, Cultures.Culture culture) {

        /** How far hotels spread around the centre (the deviation of a normal spread): bigger cities spread further. */
        double spreadKm() {
            return 1.0 + 0.25 * weight;
        }

        boolean tropical() {
            return Math.abs(city.lat()) < 30;
        }
    }

    private static final String TABLE = """
            Lisbon|Lisboa|PT|38.7223|-9.1393|Europe/Lisbon|EUR|95|6|coast|pt
            Porto|Porto|PT|41.1496|-8.6110|Europe/Lisbon|EUR|80|3|coast|pt
            Madrid|Community of Madrid|ES|40.4168|-3.7038|Europe/Madrid|EUR|110|6|inland|es
            Barcelona|Catalonia|ES|41.3874|2.1686|Europe/Madrid|EUR|130|7|coast|es
            Seville|Andalusia|ES|37.3891|-5.9845|Europe/Madrid|EUR|90|3|inland|es
            Paris|Île-de-France|FR|48.8566|2.3522|Europe/Paris|EUR|160|10|inland|fr
            Nice|Provence-Alpes-Côte d'Azur|FR|43.7102|7.2620|Europe/Paris|EUR|130|3|coast|fr
            Lyon|Auvergne-Rhône-Alpes|FR|45.7640|4.8357|Europe/Paris|EUR|100|3|inland|fr
            Rome|Lazio|IT|41.9028|12.4964|Europe/Rome|EUR|125|8|inland|it
            Milan|Lombardy|IT|45.4642|9.1900|Europe/Rome|EUR|135|5|inland|it
            Venice|Veneto|IT|45.4408|12.3155|Europe/Rome|EUR|170|4|coast|it
            Florence|Tuscany|IT|43.7696|11.2558|Europe/Rome|EUR|140|4|inland|it
            Naples|Campania|IT|40.8518|14.2681|Europe/Rome|EUR|95|3|coast|it
            Berlin|Berlin|DE|52.5200|13.4050|Europe/Berlin|EUR|105|6|inland|de
            Munich|Bavaria|DE|48.1351|11.5820|Europe/Berlin|EUR|125|4|inland|de
            Hamburg|Hamburg|DE|53.5511|9.9937|Europe/Berlin|EUR|110|3|inland|de
            Vienna|Vienna|AT|48.2082|16.3738|Europe/Vienna|EUR|115|5|inland|de
            Zurich|Zurich|CH|47.3769|8.5417|Europe/Zurich|CHF|190|3|inland|de
            Amsterdam|North Holland|NL|52.3676|4.9041|Europe/Amsterdam|EUR|165|6|inland|nl
            Brussels|Brussels-Capital|BE|50.8503|4.3517|Europe/Brussels|EUR|115|3|inland|fr
            London|England|GB|51.5072|-0.1276|Europe/London|GBP|150|10|inland|en
            Edinburgh|Scotland|GB|55.9533|-3.1883|Europe/London|GBP|120|3|coast|en
            Dublin|Leinster|IE|53.3498|-6.2603|Europe/Dublin|EUR|150|4|coast|en
            Copenhagen|Capital Region|DK|55.6761|12.5683|Europe/Copenhagen|DKK|1100|3|coast|nordic
            Stockholm|Stockholm County|SE|59.3293|18.0686|Europe/Stockholm|SEK|1300|3|coast|nordic
            Oslo|Oslo|NO|59.9139|10.7522|Europe/Oslo|NOK|1400|2|coast|nordic
            Helsinki|Uusimaa|FI|60.1699|24.9384|Europe/Helsinki|EUR|120|2|coast|nordic
            Reykjavik|Capital Region|IS|64.1466|-21.9426|Atlantic/Reykjavik|ISK|22000|1|coast|nordic
            Prague|Prague|CZ|50.0755|14.4378|Europe/Prague|CZK|2300|5|inland|central
            Warsaw|Masovia|PL|52.2297|21.0122|Europe/Warsaw|PLN|380|3|inland|central
            Krakow|Lesser Poland|PL|50.0647|19.9450|Europe/Warsaw|PLN|330|3|inland|central
            Budapest|Budapest|HU|47.4979|19.0402|Europe/Budapest|HUF|32000|4|inland|central
            Dubrovnik|Dubrovnik-Neretva|HR|42.6507|18.0944|Europe/Zagreb|EUR|150|2|coast|central
            Athens|Attica|GR|37.9838|23.7275|Europe/Athens|EUR|95|4|coast|el
            Santorini|South Aegean|GR|36.4166|25.4324|Europe/Athens|EUR|190|2|coast|el
            Istanbul|Istanbul|TR|41.0082|28.9784|Europe/Istanbul|TRY|3500|6|coast|tr
            Dubai|Dubai|AE|25.2048|55.2708|Asia/Dubai|AED|550|6|coast|ar
            Doha|Doha|QA|25.2854|51.5310|Asia/Qatar|QAR|450|2|coast|ar
            Marrakesh|Marrakesh-Safi|MA|31.6295|-7.9811|Africa/Casablanca|MAD|900|3|inland|ar
            Cairo|Cairo|EG|30.0444|31.2357|Africa/Cairo|EGP|3500|4|inland|ar
            Cape Town|Western Cape|ZA|-33.9249|18.4241|Africa/Johannesburg|ZAR|1500|4|coast|en
            Johannesburg|Gauteng|ZA|-26.2041|28.0473|Africa/Johannesburg|ZAR|1200|2|inland|en
            Nairobi|Nairobi County|KE|-1.2921|36.8219|Africa/Nairobi|KES|9000|2|inland|sw
            Zanzibar|Zanzibar Urban/West|TZ|-6.1659|39.2026|Africa/Dar_es_Salaam|USD|110|2|coast|sw
            Addis Ababa|Addis Ababa|ET|9.0054|38.7636|Africa/Addis_Ababa|ETB|6000|1|inland|sw
            Lagos|Lagos|NG|6.4541|3.3947|Africa/Lagos|NGN|70000|2|coast|wa
            Accra|Greater Accra|GH|5.6037|-0.1870|Africa/Accra|GHS|1200|1|coast|wa
            Tokyo|Tokyo|JP|35.6812|139.7671|Asia/Tokyo|JPY|18000|10|coast|ja
            Kyoto|Kyoto|JP|35.0116|135.7681|Asia/Tokyo|JPY|16000|4|inland|ja
            Osaka|Osaka|JP|34.6937|135.5023|Asia/Tokyo|JPY|14000|4|coast|ja
            Seoul|Seoul|KR|37.5665|126.9780|Asia/Seoul|KRW|110000|5|inland|ko
            Busan|Busan|KR|35.1796|129.0756|Asia/Seoul|KRW|95000|2|coast|ko
            Beijing|Beijing|CN|39.9042|116.4074|Asia/Shanghai|CNY|600|5|inland|zh
            Shanghai|Shanghai|CN|31.2304|121.4737|Asia/Shanghai|CNY|700|6|coast|zh
            Hong Kong|Hong Kong|HK|22.2800|114.1588|Asia/Hong_Kong|HKD|1100|5|coast|zh
            Taipei|Taipei|TW|25.0330|121.5654|Asia/Taipei|TWD|3200|3|inland|zh
            Singapore|Singapore|SG|1.2903|103.8520|Asia/Singapore|SGD|260|5|coast|en
            Bangkok|Bangkok|TH|13.7563|100.5018|Asia/Bangkok|THB|2200|7|inland|th
            Phuket|Phuket|TH|7.8804|98.3923|Asia/Bangkok|THB|2500|3|coast|th
            Hanoi|Hanoi|VN|21.0278|105.8342|Asia/Ho_Chi_Minh|USD|45|3|inland|vi
            Ho Chi Minh City|Ho Chi Minh City|VN|10.7769|106.7009|Asia/Ho_Chi_Minh|USD|50|3|inland|vi
            Denpasar|Bali|ID|-8.6705|115.2126|Asia/Makassar|USD|80|4|coast|id
            Kuala Lumpur|Federal Territory of Kuala Lumpur|MY|3.1390|101.6869|Asia/Kuala_Lumpur|MYR|280|4|inland|id
            Manila|Metro Manila|PH|14.5995|120.9842|Asia/Manila|PHP|3500|3|coast|es
            Mumbai|Maharashtra|IN|18.9388|72.8354|Asia/Kolkata|INR|6500|5|coast|hi
            Delhi|Delhi|IN|28.6139|77.2090|Asia/Kolkata|INR|5000|5|inland|hi
            Jaipur|Rajasthan|IN|26.9124|75.7873|Asia/Kolkata|INR|4000|2|inland|hi
            Panaji|Goa|IN|15.4909|73.8278|Asia/Kolkata|INR|5000|2|coast|hi
            Kathmandu|Bagmati|NP|27.7172|85.3240|Asia/Kathmandu|NPR|5000|1|inland|hi
            Sydney|New South Wales|AU|-33.8688|151.2093|Australia/Sydney|AUD|190|6|coast|en
            Melbourne|Victoria|AU|-37.8136|144.9631|Australia/Melbourne|AUD|170|5|coast|en
            Brisbane|Queensland|AU|-27.4698|153.0251|Australia/Brisbane|AUD|160|2|inland|en
            Perth|Western Australia|AU|-31.9523|115.8613|Australia/Perth|AUD|160|2|coast|en
            Auckland|Auckland|NZ|-36.8485|174.7633|Pacific/Auckland|NZD|190|3|coast|en
            Queenstown|Otago|NZ|-45.0312|168.6626|Pacific/Auckland|NZD|230|1|inland|en
            Honolulu|Hawaii|US|21.2793|-157.8292|Pacific/Honolulu|USD|260|3|coast|en
            New York|New York|US|40.7580|-73.9855|America/New_York|USD|210|10|coast|en
            Los Angeles|California|US|34.0522|-118.2437|America/Los_Angeles|USD|180|6|coast|en
            San Francisco|California|US|37.7749|-122.4194|America/Los_Angeles|USD|220|4|coast|en
            Chicago|Illinois|US|41.8781|-87.6298|America/Chicago|USD|170|5|inland|en
            Miami|Florida|US|25.7617|-80.1918|America/New_York|USD|200|5|coast|en
            Las Vegas|Nevada|US|36.1147|-115.1728|America/Los_Angeles|USD|140|5|inland|en
            Orlando|Florida|US|28.5384|-81.3789|America/New_York|USD|150|4|inland|en
            Washington|District of Columbia|US|38.9072|-77.0369|America/New_York|USD|200|4|inland|en
            Boston|Massachusetts|US|42.3601|-71.0589|America/New_York|USD|230|3|coast|en
            New Orleans|Louisiana|US|29.9511|-90.0715|America/Chicago|USD|160|2|inland|en
            Seattle|Washington|US|47.6062|-122.3321|America/Los_Angeles|USD|190|3|coast|en
            Austin|Texas|US|30.2672|-97.7431|America/Chicago|USD|170|2|inland|en
            Denver|Colorado|US|39.7392|-104.9903|America/Denver|USD|160|2|inland|en
            Toronto|Ontario|CA|43.6532|-79.3832|America/Toronto|CAD|220|4|inland|en
            Vancouver|British Columbia|CA|49.2827|-123.1207|America/Vancouver|CAD|240|3|coast|en
            Montreal|Quebec|CA|45.5019|-73.5674|America/Toronto|CAD|190|3|inland|fr
            Mexico City|Mexico City|MX|19.4326|-99.1332|America/Mexico_City|MXN|1600|5|inland|es
            Cancún|Quintana Roo|MX|21.1619|-86.8515|America/Cancun|MXN|2600|4|coast|es
            Panama City|Panamá|PA|8.9824|-79.5199|America/Panama|USD|110|2|coast|es
            San José|San José|CR|9.9281|-84.0907|America/Costa_Rica|CRC|55000|2|inland|es
            Punta Cana|La Altagracia|DO|18.5601|-68.3725|America/Santo_Domingo|USD|160|2|coast|es
            Rio de Janeiro|Rio de Janeiro|BR|-22.9068|-43.1729|America/Sao_Paulo|BRL|450|5|coast|pt
            São Paulo|São Paulo|BR|-23.5505|-46.6333|America/Sao_Paulo|BRL|400|5|inland|pt
            Buenos Aires|Buenos Aires|AR|-34.6037|-58.3816|America/Argentina/Buenos_Aires|ARS|85000|4|coast|es
            Santiago|Santiago Metropolitan|CL|-33.4489|-70.6693|America/Santiago|CLP|75000|3|inland|es
            Lima|Lima|PE|-12.0464|-77.0428|America/Lima|PEN|300|3|coast|es
            Cusco|Cusco|PE|-13.5320|-71.9675|America/Lima|PEN|250|2|inland|es
            Bogotá|Bogotá|CO|4.7110|-74.0721|America/Bogota|COP|220000|3|inland|es
            Quito|Pichincha|EC|-0.1807|-78.4678|America/Guayaquil|USD|80|1|inland|es
            Montevideo|Montevideo|UY|-34.9011|-56.1645|America/Montevideo|UYU|4000|1|coast|es
            """;

    static final List<Entry> ALL = TABLE.lines().map(Cities::parse).toList();

    /** Running totals of the weights, for a weighted draw. */
    private static final int[] CUMULATIVE = new int[ALL.size()];

    static {
        int total = 0;
        for (int i = 0; i < ALL.size(); i++) {
            total += ALL.get(i).weight();
            CUMULATIVE[i] = total;
        }
    }

    private Cities() {
    }

    /** A city, more likely the more hotels it has. */
    static Entry draw(Random random) {
        int roll = random.nextInt(CUMULATIVE[CUMULATIVE.length - 1]);
        for (int i = 0; i < CUMULATIVE.length; i++) {
            if (roll < CUMULATIVE[i]) {
                return ALL.get(i);
            }
        }
        throw new AssertionError();
    }

    static Entry named(String name) {
        return ALL.stream().filter(entry -> entry.city().name().equals(name)).findFirst().orElseThrow();
    }

    private static Entry parse(String line) {
        String[] column = line.split("\\|");
        City city = new City(column[0], column[1], column[2], Double.parseDouble(column[3]), Double.parseDouble(column[4]),
                column[5], column[6], new BigDecimal(column[7]));
        return new Entry(city, Integer.parseInt(column[8]), column[9].equals("coast"), Cultures.named(column[10]));
    }
}
