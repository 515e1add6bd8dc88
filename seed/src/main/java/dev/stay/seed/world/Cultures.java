package dev.stay.seed.world;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How people, streets and small hotels are named around a city, so an owner in Kyoto is not called Smith and a
 * guesthouse in Porto may be a Pousada.
 */
final class Cultures {

    /**
     * @param familyNameFirst whether a display name is written family name first (Chinese, Korean, Vietnamese)
     * @param numberFirst whether the house number comes before the street ({@code 12 High Street}) or after it
     * @param localHotelWords what small hotels there call themselves ({@code Pousada}, {@code Ryokan}), if anything
     * @param locale a locale Stay speaks, for the owners' profiles
     */
    record Culture(String code, List<String> firstNames, List<String> familyNames, boolean familyNameFirst,
                   List<String> streets, boolean numberFirst, List<String> localHotelWords, String locale) {

        String personName(Random random) {
            String first = Randoms.pick(random, firstNames);
            String family = Randoms.pick(random, familyNames);
            return familyNameFirst ? family + " " + first : first + " " + family;
        }

        /** The locale of an owner from this culture living in {@code country}: one Stay speaks. */
        String locale(String country) {
            return switch (country) {
                case "BR" -> "pt-BR";
                case "US" -> "en-US";
                case "GB", "IE", "AU", "NZ", "ZA", "SG" -> "en-GB";
                default -> locale;
            };
        }

        String familyName(Random random) {
            return Randoms.pick(random, familyNames);
        }

        String street(Random random) {
            String street = Randoms.pick(random, streets);
            if (code.equals("ja")) { // block addresses: chome-block-building, then the district
                return (1 + random.nextInt(6)) + "-" + (1 + random.nextInt(20)) + "-" + (1 + random.nextInt(15)) + " " + street;
            }
            int number = 1 + random.nextInt(random.nextInt(4) == 0 ? 400 : 90);
            return numberFirst ? number + " " + street : street + " " + number;
        }
    }

    private static final Map<String, Culture> BY_CODE = Stream.of(
            culture("en", "James Olivia Liam Emma Noah Charlotte William Amelia Jack Grace Thomas Sophie Daniel Chloe",
                    "Smith Johnson Brown Taylor Wilson Clarke Walker Wright Hughes Evans Murphy Campbell Mitchell Bennett",
                    false, "Main Street|High Street|Church Road|Park Avenue|King Street|Queen Street|Station Road|"
                            + "Harbour Road|Market Street|Victoria Road|Elm Street|River Walk", true, "", "en"),
            culture("es", "Lucía Mateo Sofía Martín Valentina Diego Camila Javier Elena Pablo Carmen Alejandro Isabel Andrés",
                    "García Martínez López Sánchez Pérez Gómez Fernández Rodríguez Díaz Torres Ruiz Moreno Herrera Castillo",
                    false, "Calle Mayor|Calle Real|Avenida Central|Calle de la Paz|Calle San Juan|Avenida del Mar|"
                            + "Calle de las Flores|Avenida Libertad|Calle del Sol", false, "Hostal|Casa|Posada", "es-ES"),
            culture("pt", "João Maria Pedro Beatriz Tiago Inês Miguel Mariana Rafael Carolina Gonçalo Sofia Lucas Camila",
                    "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes Gomes Lopes Almeida Carvalho",
                    false, "Rua Augusta|Rua das Flores|Avenida da Liberdade|Rua do Carmo|Rua da Prata|Travessa do Mar|"
                            + "Rua de São Bento|Avenida Atlântica|Rua Direita|Largo do Rosário", false, "Pousada|Casa|Solar", "pt-PT"),
            culture("fr", "Camille Louis Léa Hugo Chloé Jules Manon Arthur Inès Gabriel Juliette Paul",
                    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Laurent Lefèvre Roux Fournier",
                    false, "Rue de la Paix|Rue Victor Hugo|Boulevard Saint-Michel|Rue du Commerce|Avenue de la République|"
                            + "Rue des Fleurs|Quai des Bateliers|Place du Marché", true, "Hôtel|Maison|Auberge", "fr-FR"),
            culture("it", "Giulia Marco Francesca Luca Chiara Matteo Sara Alessandro Elena Lorenzo Martina Davide",
                    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti",
                    false, "Via Roma|Via Garibaldi|Corso Vittorio Emanuele|Via Dante|Via del Corso|Piazza del Duomo|"
                            + "Via Mazzini|Via dei Mille|Via Verdi", false, "Albergo|Palazzo|Locanda", "it-IT"),
            culture("de", "Lukas Anna Jonas Lea Felix Laura Maximilian Sophie Paul Marie Leon Hannah",
                    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Huber Koch Bauer Richter",
                    false, "Hauptstraße|Bahnhofstraße|Gartenstraße|Schillerstraße|Goethestraße|Marktplatz|Lindenallee|"
                            + "Kirchgasse|Rosenweg", false, "Gasthof|Pension", "de-DE"),
            culture("nl", "Daan Emma Sem Julia Lucas Sophie Milan Tess Levi Anna",
                    "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer", false,
                    "Keizersgracht|Prinsengracht|Damrak|Kalverstraat|Herengracht|Leidsestraat|Stationsweg", false, "", "en"),
            culture("nordic", "Emil Ida Oskar Freja William Ella Noah Alma Elias Saga Magnus Astrid",
                    "Hansen Johansson Nielsen Andersson Larsen Karlsson Olsen Nilsson Berg Lindqvist Virtanen Jónsson",
                    false, "Storgatan|Drottninggatan|Strandvejen|Kungsgatan|Havnegade|Esplanadi|Laugavegur|Nyhavn",
                    false, "", "en"),
            culture("central", "Jakub Anna Tomáš Zuzana Piotr Katarzyna Bence Eszter Luka Ivana Marek Petra",
                    "Novák Svoboda Kowalski Nowak Nagy Horváth Kovač Dvořák Wójcik Tóth Babić Kamiński", false,
                    "Národní|Karlova|Floriańska|Andrássy út|Váci utca|Nowy Świat|Stradun|Grodzka", false, "Penzion|Villa", "en"),
            culture("el", "Giorgos Maria Dimitris Eleni Nikos Katerina Kostas Sofia Yannis Anna",
                    "Papadopoulos Georgiou Nikolaou Ioannou Pappas Vlachos Angelopoulos Christodoulou", false,
                    "Ermou|Adrianou|Athinas|Leoforos Syngrou|Plateia Syntagmatos|Oia Main Street", false, "Villa", "en"),
            culture("tr", "Mehmet Ayşe Mustafa Fatma Emre Zeynep Can Elif Burak Selin",
                    "Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan", false,
                    "İstiklal Caddesi|Divan Yolu|Bağdat Caddesi|Galip Dede Caddesi|Kumkapı Sokak", false, "Konak", "en"),
            culture("ar", "Youssef Fatima Omar Leila Karim Nour Hassan Amina Tarek Salma",
                    "El Amrani|Haddad|Mansour|Khalil|Nasser|Saleh|Farouk|Bennani|Hamdan|Aziz", false,
                    "Sheikh Zayed Road|Corniche Road|Tahrir Street|Avenue Mohammed V|Al Wasl Road|Talaat Harb Street|"
                            + "Rue Riad Zitoun", false, "Riad|Dar", "en"),
            culture("sw", "Wanjiru Otieno Amani Baraka Neema Juma Zawadi Kamau Abebe Hana",
                    "Mwangi Odhiambo Njoroge Mushi Said Tesfaye Bekele Wambui Kiptoo Kariuki", false,
                    "Kenyatta Avenue|Moi Avenue|Mizingani Road|Haile Selassie Avenue|Ngong Road|Bole Road", false, "", "en"),
            culture("wa", "Chinedu Ngozi Kwame Ama Tunde Adaeze Kofi Efua Emeka Abena",
                    "Okafor Adeyemi Mensah Boateng Okonkwo Asante Balogun Owusu Eze Addo", false,
                    "Adeola Odeku Street|Awolowo Road|Oxford Street|Independence Avenue|Broad Street", true, "", "en-GB"),
            culture("ja", "Haruto Yui Sota Hina Ren Aoi Kenji Yuki Takumi Sakura",
                    "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato", false,
                    "Ginza|Shinjuku|Gion|Namba|Asakusa|Shibuya|Umeda|Roppongi", true, "Ryokan", "ja-JP"),
            culture("ko", "Min-jun Seo-yeon Ji-ho Ha-eun Do-yun Ji-woo Seo-jun Su-bin",
                    "Kim Lee Park Choi Jung Kang Cho Yoon", true,
                    "Myeongdong-gil|Insadong-gil|Gangnam-daero|Haeundae-ro|Sejong-daero", false, "", "en"),
            culture("zh", "Wei Fang Jun Na Hao Xin Ming Mei Lei Ying",
                    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Lin Chan Wong", true,
                    "Nanjing Road|Wangfujing Street|Nathan Road|Queen's Road Central|Zhongshan Road|Huaihai Road|"
                            + "Xinyi Road", true, "", "en"),
            culture("th", "Somchai Suda Anan Ploy Niran Kanya Chai Malee",
                    "Saetang Srisuk Chaiyaporn Wongsa Boonmee Rattanakorn Suksawat Thongchai", false,
                    "Sukhumvit Road|Silom Road|Khao San Road|Rama IV Road|Patong Beach Road|Charoen Krung Road", true,
                    "Baan", "en"),
            culture("vi", "Anh Minh Linh Huong Tuan Lan Duc Mai", "Nguyen Tran Le Pham Hoang Vu Dang Bui", true,
                    "Hang Bac|Dong Khoi|Le Loi|Pham Ngu Lao|Hang Gai|Nguyen Hue", true, "", "en"),
            culture("id", "Putu Made Wayan Siti Ahmad Dewi Agus Nur Rizal Ayu",
                    "Santoso Wijaya Pratama Hidayat Abdullah Rahman Putra Lestari Ismail Hakim", false,
                    "Jalan Legian|Jalan Sunset Road|Jalan Bukit Bintang|Jalan Raya Ubud|Jalan Ampang|Jalan Petaling",
                    false, "Villa", "en"),
            culture("hi", "Aarav Priya Rohan Ananya Vikram Isha Arjun Kavya Rahul Meera",
                    "Sharma Patel Singh Gupta Iyer Reddy Mehta Nair Shrestha Kapoor", false,
                    "MG Road|Marine Drive|Connaught Place|Colaba Causeway|Thamel Marg|Station Road|Mall Road", true,
                    "Haveli", "en"))
            .collect(Collectors.toUnmodifiableMap(Culture::code, Function.identity()));

    private Cultures() {
    }

    static Culture named(String code) {
        Culture culture = BY_CODE.get(code);
        if (culture == null) {
            throw new IllegalArgumentException("no culture " + code);
        }
        return culture;
    }

    /** Names are separated by spaces, or by {@code |} when a name has spaces of its own; streets always by {@code |}. */
    private static Culture culture(String code, String firstNames, String familyNames, boolean familyNameFirst,
                                   String streets, boolean numberFirst, String localHotelWords, String locale) {
        return new Culture(code, split(firstNames), split(familyNames), familyNameFirst, List.of(streets.split("\\|")),
                numberFirst, localHotelWords.isEmpty() ? List.of() : List.of(localHotelWords.split("\\|")), locale);
    }

    private static List<String> split(String names) {
        return List.of(names.split(names.contains("|") ? "\\|" : " "));
    }
}
