"""Name pools for the benchmark generator: given names and family names of many cultures.

The pools are common names, written as the English-language press writes them (diacritics
kept), so that a synthetic rulebook has the shapes a newsroom's rulebook has: particles
("von der", "de la", "bin", "al-"), hyphenated given names ("Jean-Pierre", "Min-jun"),
double surnames ("García Márquez"), family-first order (Chinese, Korean, Vietnamese, and
Hungarian names as Hungarians write them) and letters without a decomposition (ł, ø, ð, ı).
Nothing here is a fact about a real person: the generator combines the pools at random.
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text.split()))


@dataclass(frozen=True)
class Culture:
    key: str
    weight: float
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    family_first: float = 0.0  # share of names written family name first (surname: set in the rulebook)
    particles: tuple[str, ...] = ()  # "von der", "de la", "al-": put before a surname
    particle_share: float = 0.0
    hyphen_given: float = 0.0  # share of double given names joined by a hyphen (Jean-Pierre)
    double_surname: float = 0.0  # share of two family names (García Márquez); the first is the surname
    middle_initial: float = 0.0  # share with a middle initial (John F. Smith)


ENGLISH = Culture(
    "english",
    14,
    _words(
        """James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
        Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason
        Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel
        Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron Henry Douglas Peter Adam Nathan
        Zachary Walter Kyle Harold Carl Jeremy Keith Roger Gerald Ethan Arthur Terry Christian Sean Lawrence
        Austin Noah Jesse Albert Bryan Billy Bruce Dylan Alan Ralph Gabriel Wayne Eugene Logan Randy Louis
        Russell Vincent Philip Bradley Liam Owen Callum Declan Rhys Gareth Hamish Angus Fergus Niall"""
    ),
    _words(
        """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra
        Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca
        Sharon Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine
        Christine Helen Debra Rachel Carolyn Janet Catherine Heather Diane Olivia Julie Joyce Victoria Ruth
        Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea Hannah Megan Cheryl Jacqueline Martha
        Madison Teresa Gloria Janice Abigail Sophia Frances Alice Judy Isabella Julia Grace Amber Denise
        Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Siobhan
        Niamh Aoife Morag Fiona Eilidh Bethan Gwen Imogen Harriet Priscilla Rosalind"""
    ),
    _words(
        """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Thompson White
        Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter
        Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook
        Morgan Bell Murphy Bailey Cooper Richardson Howard Ward Peterson Gray Watson Brooks Kelly Sanders
        Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Patterson Hughes Washington Butler
        Simmons Foster Bryant Griffin Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West Owens
        Reynolds Fisher Ellis Harrison Gibson McDonald Marshall Murray Freeman Wells Webb Simpson Stevens
        Tucker Porter Hunter Hicks Crawford Boyd Mason Kennedy Warren Dixon Burns Gordon Shaw Holmes Rice
        Robertson Hunt Daniels Palmer Mills Nichols Knight Ferguson Hawkins Dunn Perkins Hudson Spencer
        Gardner Stephens Payne Pierce Berry Matthews Arnold Wagner Willis Watkins Olson Carroll Duncan Snyder
        Hart Cunningham Lane Andrews Harper Riley Armstrong Carpenter Weaver Greene Elliott Sims Lawson
        Fields O'Connor O'Brien O'Neill Burke Gallagher Walsh Doyle Byrne Quinn Fitzgerald McCarthy
        MacLeod McKenzie Buchanan Lindsay Fraser Drummond Pritchard Llewellyn Vaughan Blackwood Whitfield
        Ashworth Pemberton Holloway Kingsley Thornton Fairbanks Radcliffe Winslow Hargreaves"""
    ),
    hyphen_given=0.02,
    double_surname=0.04,
    middle_initial=0.25,
)

GERMAN = Culture(
    "german",
    7,
    _words(
        """Hans Klaus Jürgen Stefan Wolfgang Michael Andreas Thomas Frank Uwe Matthias Markus Christian
        Sebastian Florian Tobias Lukas Maximilian Jonas Felix Moritz Dieter Günter Horst Helmut Friedrich Karl
        Heinz Rüdiger Jörg Björn Till Kai Lars Henrik Joachim Bernd Rainer Ulrich Volker Norbert Winfried Cem
        Boris Armin Hubertus Johann Wilhelm Konrad Philipp Torsten Gerhard Reinhard Siegfried Ottmar Dietmar"""
    ),
    _words(
        """Ursula Angela Annalena Katarina Sabine Petra Claudia Susanne Andrea Birgit Monika Heike Katrin
        Julia Anna Lena Laura Hannah Sophie Marie Franziska Svenja Christiane Manuela Ricarda Saskia Karin
        Renate Gisela Jutta Elke Anke Dörte Bärbel Ines Ulrike Brigitte Gabriele Mareike Greta Luise Johanna
        Charlotte Friederike Hildegard Waltraud Roswitha Henrike Margarete"""
    ),
    _words(
        """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer
        Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt
        Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Mayer Huber Kaiser
        Fuchs Lang Möller Weiß Jung Hahn Schubert Vogel Keller Günther Berger Winkler Roth Beck Lorenz Baumann
        Franke Albrecht Schuster Ludwig Böhm Winter Kraus Schumacher Krämer Vogt Stein Jäger Sommer Groß
        Seidel Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann
        Voigt Sauer Wolff Pfeiffer Gruber Steiner Moser Hofer Leitner Pichler Eder Wimmer Brunner Auer
        Strobl Reiter Aigner Lindemann Oberhauser Rothenberger Eisenhardt Falkenstein"""
    ),
    particles=("von", "von der", "zu", "von dem"),
    particle_share=0.08,
    hyphen_given=0.08,
)

DUTCH = Culture(
    "dutch",
    3,
    _words(
        """Jan Pieter Willem Hendrik Dirk Joost Sander Bram Ruud Wouter Maarten Geert Frans Bart Koen Jeroen
        Thijs Sjoerd Arjen Daan Sem Luuk Hugo Rutger Maurits Gijs Stijn Wim"""
    ),
    _words(
        """Anneke Sanne Femke Lotte Eva Marieke Ingrid Mieke Fleur Lieke Esther Hanneke Anouk Noor Tessa Roos
        Ilse Marjolein Wendy Carola Sigrid Hilde Annemarie Jolanda"""
    ),
    _words(
        """Jansen Bakker Visser Smit Meijer Mulder Bos Vos Hendriks Dekker Brouwer Dijkstra Smits Kok Jacobs
        Vermeulen Willems Maas Verhoeven Postma Schouten Kuipers Hoekstra Timmermans Koster Prins Huisman
        Peeters Claes Goossens Wouters Maes Mertens Dijk Vries Berg Meer Jong Leeuwen Boer Linden Groot Beek
        Heijden Wit Vliet Bruijn Dam Graaf Hoeven Velde Wal Broek Laan Veen Poel Sluis"""
    ),
    particles=("van", "de", "van der", "van den", "van de", "ter", "Van", "De"),
    particle_share=0.5,
)

FRENCH = Culture(
    "french",
    6,
    _words(
        """Jean Pierre Michel Philippe Alain Nicolas François Christophe Patrick Éric Laurent Frédéric Stéphane
        Olivier Julien Sébastien Thierry Antoine Mathieu Guillaume Bruno Jérôme Benoît Emmanuel Gérald Gabriel
        Raphaël Hugo Théo Clément Lucas Rémi Yannick Hervé Didier Gilles Arnaud Édouard Gaël Loïc"""
    ),
    _words(
        """Marie Nathalie Isabelle Sylvie Catherine Françoise Valérie Christine Sandrine Sophie Céline
        Stéphanie Aurélie Émilie Julie Élisabeth Hélène Anne Agnès Brigitte Ségolène Rachida Clémence Manon
        Camille Léa Chloé Élodie Amélie Margaux Mathilde Pauline Juliette Océane Laure Delphine Maëlle
        Gwenaëlle Bérénice"""
    ),
    _words(
        """Bernard Dubois Robert Richard Petit Durand Leroy Moreau Laurent Lefèbvre Bertrand Roux Fournier
        Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet Legrand Garnier Faure Rousseau Blanc Guérin
        Roussel Perrin Morin Gauthier Dumont Fontaine Chevalier Robin Masson Gérard Boyer Lemaire Duval Joly
        Gautier Roche Noël Meunier Marchand Dufour Blanchard Barbier Brun Dumas Brunet Leroux Colin Renard
        Arnaud Rolland Caron Aubert Giraud Leclerc Bourgeois Renaud Lemoine Picard Gaillard Leclercq Lacroix
        Fabre Dupuis Castelnau Montchalin Villiers Beaumont Rochefort Valois Villeneuve Lévêque Thibault"""
    ),
    particles=("de", "de la", "du", "d'"),
    particle_share=0.06,
    hyphen_given=0.15,
)

SPANISH = Culture(
    "spanish",
    8,
    _words(
        """José Juan Luis Carlos Jorge Pedro Miguel Alejandro Fernando Javier Diego Andrés Pablo Rafael Sergio
        Manuel Francisco Antonio Ricardo Eduardo Gustavo Raúl Álvaro Gonzalo Íñigo Santiago Mateo Sebastián
        Emilio Ignacio Rodrigo Martín Óscar Rubén Joaquín Ramón Tomás Nicolás Agustín Ángel"""
    ),
    _words(
        """María Carmen Ana Isabel Laura Lucía Marta Elena Sofía Paula Cristina Patricia Rocío Pilar Dolores
        Teresa Beatriz Claudia Gabriela Valentina Camila Daniela Ximena Mercedes Inés Raquel Silvia Alicia
        Victoria Verónica Adriana Mónica Julieta Florencia Guadalupe Natalia Yolanda Irene Nuria Begoña
        Montserrat Itziar Ainhoa"""
    ),
    _words(
        """García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Jiménez Ruiz Hernández Díaz
        Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Ramírez Serrano
        Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina
        Garrido Cortés Castillo Lozano Guerrero Cano Prieto Méndez Calvo Gallego Márquez Herrera Peña Flores
        Cabrera Campos Vega Fuentes Carrasco Caballero Reyes Nieto Aguilar Pascual Santana Herrero Montero
        Hidalgo Giménez Ibáñez Ferrer Durán Benítez Mora Vargas Arias Carmona Crespo Román Pastor Soto Sáez
        Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas Echeverría Urdangarin Zubizarreta Etxeberria
        Goikoetxea Arrieta Olabarria"""
    ),
    particles=("de la", "del", "de los", "de las"),
    particle_share=0.07,
    double_surname=0.5,
)

PORTUGUESE = Culture(
    "portuguese",
    4,
    _words(
        """João António Luís Pedro Paulo Rui Tiago Miguel Nuno Ricardo Gonçalo Duarte Afonso Bernardo Rodrigo
        Vasco Luiz Fernando Marcelo Sérgio Flávio Otávio Márcio Cristiano Washington Anderson"""
    ),
    _words(
        """Ana Joana Inês Beatriz Mariana Catarina Sofia Leonor Margarida Rita Carolina Luísa Teresa Fernanda
        Adriana Gabriela Letícia Camila Larissa Renata Simone Tânia Conceição Graça Fátima"""
    ),
    _words(
        """Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes Gonçalves
        Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes Soares
        Vieira Monteiro Cardoso Rocha Raposo Neves Coelho Cunha Pires Reis Simões Antunes Matos Fonseca
        Machado Araújo Barbosa Tavares Lourenço Figueiredo Azevedo Freitas Magalhães Cavalcanti Albuquerque"""
    ),
    particles=("dos", "da", "de", "das"),
    particle_share=0.2,
    double_surname=0.2,
)

ITALIAN = Culture(
    "italian",
    4,
    _words(
        """Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco
        Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luca Marco Matteo Alessandro Lorenzo Andrea Stefano
        Roberto Fabrizio Enrico Gianluca Massimo Raffaele Davide Riccardo Emanuele Niccolò Gianfranco"""
    ),
    _words(
        """Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Chiara Giulia
        Sara Martina Alessia Federica Silvia Elisa Valentina Elena Paola Giorgia Ilaria Beatrice Roberta
        Simona Daniela Laura Marta Emma Aurora Mariastella"""
    ),
    _words(
        """Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Gallo Conti Mancini Giordano
        Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone
        Longo Gentile Martinelli Vitale Lombardo Serra Coppola Marchetti Parisi Villa Ferraro Ferri Fabbri
        Bianco Marini Grasso Valentini Messina Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo
        Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti
        Caputo Montanari Guerra Palmieri Bernardi Fiore Ferretti Bellini Basile Riva Donati Piras Vitali
        Battaglia Sartori Neri Costantini Milani Pagano Ruggiero Sorrentino Orlando Negri D'Angelo D'Amico
        D'Alessandro"""
    ),
    particles=("De", "Di", "Della", "Lo", "La"),
    particle_share=0.1,
)

SLAVIC = Culture(
    "slavic",
    6,
    _words(
        """Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Łukasz Jakub Grzegorz Mateusz Wojciech Mariusz
        Dariusz Rafał Radosław Sławomir Zbigniew Jarosław Mirosław Bartłomiej Przemysław Szymon Kacper Jiří
        Petr Josef Pavel Tomáš Jaroslav Miroslav Zdeněk Václav František Milan Karel Lukáš Radek Vojtěch
        Ondřej Ivan Marko Luka Josip Ante Tomislav Stjepan Dario Nikola Zoran Dragan Goran Aleksandar Miloš
        Dušan Nenad Željko Bojan Branko"""
    ),
    _words(
        """Anna Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Magdalena Joanna Aleksandra
        Monika Beata Dorota Jolanta Iwona Urszula Zofia Natalia Karolina Weronika Justyna Agata Halina Jana
        Hana Lenka Kateřina Věra Lucie Alena Petra Veronika Jaroslava Tereza Markéta Zuzana Michaela Šárka
        Marija Ivana Maja Jelena Katarina Mirjana Snežana Dragana Vesna Ljiljana Gordana Tatjana Milica
        Nataša Branka"""
    ),
    _words(
        """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak
        Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski
        Michalski Nowicki Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski Jaworski Wróbel
        Malinowski Pawlak Witkowski Walczak Stępień Górski Rutkowski Michalak Sikora Ostrowski Baran Szewczyk
        Tomaszewski Pietrzak Marciniak Wróblewski Zalewski Jakubowski Jasiński Zawadzki Sadowski Chmielewski
        Włodarczyk Borkowski Czarnecki Sawicki Sokołowski Urbański Kubiak Maciejewski Szczepański Kucharski
        Kalinowski Mazurek Wysocki Adamski Kaźmierczak Wasilewski Sobczak Czerwiński Andrzejewski Cieślak
        Głowacki Zakrzewski Kołodziej Krajewski Gajewski Szymczak Baranowski Laskowski Brzeziński Makowski
        Ziółkowski Przybylski Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Pokorný
        Pospíšil Hájek Jelínek Růžička Beneš Fiala Sedláček Doležal Kolář Navrátil Čermák Vaněk Blažek Kříž
        Kovář Bartoš Vlček Polák Musil Kopecký Šimek Konečný Holub Štěpánek Kadlec Dostál Soukup Šťastný Mareš
        Moravec Sýkora Tichý Valenta Vávra Matoušek Bláha Říha Ševčík Bureš Hruška Mašek Pavlík Dušek Janda
        Hrubý Kratochvíl Horvat Kovačević Babić Marić Jurić Kovačić Knežević Vuković Marković Petrović Matić
        Tomić Pavlović Božić Blažević Grgić Radić Perić Kralj Šarić Lovrić Vidović Perković Popović Bošnjak
        Jukić Barišić Đorđević Stojanović Nikolić Jovanović Ilić Đukić Lazić Janković Stanković Todorović
        Obradović Simić"""
    ),
)

NORDIC = Culture(
    "nordic",
    4,
    _words(
        """Lars Anders Erik Johan Per Nils Magnus Henrik Mikael Fredrik Bjørn Øyvind Jens Søren Mads Rasmus
        Kasper Olof Gunnar Sigurður Jón Ólafur Bjarni Jussi Mikko Antti Juha Matti Sauli Torbjørn Ragnar
        Halvard Eirik Sindre Åke Göran"""
    ),
    _words(
        """Karin Kristina Ingrid Annika Malin Helena Mette Pia Lene Sanna Magdalena Ebba Astrid Solveig Sigrid
        Marit Katrín Guðrún Sigríður Päivi Riikka Tarja Jaana Sirpa Hanna Åsa Ragnhild Tove Gro Liv Birgitta"""
    ),
    _words(
        """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson
        Jonsson Jansson Hansson Bengtsson Lindberg Lindqvist Lundgren Bergström Sandberg Forsberg Sjöberg
        Wallin Engström Eklund Danielsson Håkansson Lind Hedlund Holm Nielsen Jensen Hansen Pedersen Andersen
        Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen
        Johansen Møller Mortensen Løkke Frederiksen Haugen Bakken Solberg Kristiansen Strand Dahl Halvorsen
        Støre Sigurðsson Jónsdóttir Magnússon Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine
        Heikkinen Koskinen Järvinen Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen
        Salonen Turunen Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen
        Kjærsgaard Østergaard Bjørnstad Ødegaard Gunnarsdóttir"""
    ),
)

TURKISH = Culture(
    "turkish",
    3,
    _words(
        """Mehmet Mustafa Ahmet Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil Süleyman
        Mahmut Recep Salih Kemal Emre Burak Serkan Kaan Oğuz Tuncay Ekrem Mevlüt Hakan Volkan Tolga"""
    ),
    _words(
        """Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Hanife Merve Özlem Esra Büşra Gülşen Derya
        Aslı Pınar Tuğba Ebru Selin Damla Burcu Nilüfer Gönül"""
    ),
    _words(
        """Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin
        Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdem Yavuz Acar Aktaş Güler Yalçın Güneş Bozkurt
        Bulut Keskin Ünal Turan Özer Işık Kaplan Avcı Tekin Köse Yüksel Ateş Aksoy Karaca Altun Karakaya
        Erdoğdu Kocabaş Gündoğdu"""
    ),
)

EAST_SLAVIC = Culture(
    "east-slavic",
    5,
    _words(
        """Aleksandr Sergei Dmitry Andrei Alexei Maxim Vladimir Mikhail Nikolai Yevgeny Oleg Igor Roman
        Viktor Yuri Anatoly Vitaly Konstantin Denys Oleksandr Volodymyr Andriy Mykola Serhiy Vasyl Petro Taras
        Bohdan Oleksiy Mykhailo Yuriy Vitaliy Dmytro Arseniy Gennady Valery Stanislav"""
    ),
    _words(
        """Yelena Olga Irina Tatiana Svetlana Yekaterina Marina Yulia Anastasia Daria Ksenia Lyudmila Galina
        Oksana Olena Iryna Kateryna Nataliya Viktoriya Tetiana Yuliia Khrystyna Halyna Svitlana Liudmyla
        Mariana Larisa Valentina Zoya"""
    ),
    _words(
        """Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fyodorov Morozov Volkov
        Alekseev Lebedev Semyonov Yegorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin
        Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoriev Romanov Vorobyov Sergeev Kuzmin Frolov
        Alexandrov Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov Sorokin Vinogradov Kovalev Belov
        Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov
        Matveev Titov Markov Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov
        Afanasiev Danilov Timofeev Chernov Abramov Martynov Yefimov Fedotov Shcherbakov Nazarov Kalinin
        Chernyshev Bykov Maslov Rodionov Konovalov Lazarev Voronin Klimov Filatov Ponomarev Golubev
        Kudryavtsev Prokhorov Naumov Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev Yermakov
        Kolesnikov Goncharov Nikiforov Grachev Kotov Grishin Arkhipov Gromov Kirillov Malyshev Moiseev
        Rumyantsev Akimov Biryukov Gorbunov Anisimov Tikhomirov Galkin Lukyanov Skvortsov Belousov Nesterov
        Simonov Prokofiev Kharitonov Knyazev Tsvetkov Mitrofanov Voronov Aksenov Maltsev Loginov Gorshkov
        Krasnov Mayorov Demidov Rybakov Safonov Plotnikov Khokhlov Fadeev Molchanov Ignatov Litvinov Ushakov
        Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Shevchuk Polishchuk Tkachuk Marchenko
        Lysenko Rudenko Savchenko Petrenko Klymenko Pavlenko Kravchuk Kuzmenko Ponomarenko Kharchenko Savchuk
        Vasylenko Levchenko Karpenko Melnyk Boyko Kovalchuk Sydorenko Honcharenko Kostenko Yatsenko
        Hrytsenko Zinchenko Kushnir Fedorenko Romanenko Prykhodko Symonenko Demchenko Ivanenko"""
    ),
)

ARABIC = Culture(
    "arabic",
    6,
    _words(
        """Mohammed Ahmed Omar Khalid Hassan Hussein Ibrahim Youssef Abdullah Mahmoud Mustafa Tariq Saeed
        Faisal Karim Nabil Walid Rami Samir Adel Hamza Bilal Zaid Anwar Jamal Marwan Salman Fahd Majid Yasser
        Hisham Ayman Osama Kamal Fouad Abdulaziz Abdelkader Mansour Sami Ziad"""
    ),
    _words(
        """Fatima Aisha Maryam Layla Nour Huda Rania Salma Yasmin Zainab Amira Hala Dina Lina Reem Hanan Mona
        Noura Samira Rasha Dalia Ghada Iman Lubna Suad Widad Najla Jamila Leila Basma"""
    ),
    _words(
        """Haddad Khoury Nassar Saleh Hamdan Aziz Kassem Rahman Habib Farouk Darwish Abbas Hakim Nasser
        Suleiman Qasim Jaber Barakat Sabbagh Shaheen Awad Amin Ghanem Issa Younis Bakr Hashem Mourad Othman
        Rizk Sharif Taha Zidan Hijazi Khalil Karam Salem Rashid Sabah Thani Otaibi Qahtani Harbi Maliki
        Jubeir Nahyan Hashimi Amiri Sudani Zubaidi Masri Shamsi Mubarak Tamimi Dosari Ghamdi Shehri Zahrani"""
    ),
    particles=("al-", "el-", "bin", "Al"),
    particle_share=0.35,
)

CHINESE = Culture(
    "chinese",
    7,
    (),  # given names are made from two syllables (see CHINESE_SYLLABLES)
    (),
    _words(
        """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie
        Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Jiang Cai Yu Du Ye Cheng Wei Su Lu Ding
        Ren Shen Yao Fu Zhong Cui Tan Fan Liao Zou Xiong Jin Kong Bai Qiu Qin Yan Hou Shao Meng Long Wan Duan
        Lei Qian Yin Yi Chang Qiao Lai Gong Wen Mao Jia Xue Hao Shi Kang Niu Hong"""
    ),
    family_first=1.0,
)
CHINESE_SYLLABLES = _words(
    """wei fang min jing li qiang lei jun yang yong yan jie tao ming chao xiu lan xia hui hong ping gang hua
    bo yu jian guo hai zhi xin yun feng ling na ying qing jia kai hao rui ning dong xue mei lin shan wen bin
    lu tian xiao zhen peng chun de hong qi sheng"""
)

KOREAN = Culture(
    "korean",
    2,
    (),
    (),
    _words(
        """Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon Hong Yoo Ko
        Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Sung Cha Joo Woo Min Ryu"""
    ),
    family_first=1.0,
)
KOREAN_SYLLABLES = _words(
    """min seo ji hyun jun woo young soo jin hee eun sung ho jae dong hye kyung yeon seung hoon tae won mi
    chan joon sang yoon hwan sik chul myung bok ja suk nam gyu"""
)

JAPANESE = Culture(
    "japanese",
    3,
    _words(
        """Hiroshi Takashi Kenji Yuki Daisuke Taro Yoshihide Fumio Shigeru Koji Makoto Naoki Satoshi Tetsuya
        Kazuo Masato Ryota Haruto Sota Yuto Kenta Shota Akira Hideki Toshiro Yoshiro Katsuya Seiji Nobuo
        Shinjiro Tomohiro"""
    ),
    _words(
        """Yoko Yumiko Keiko Akiko Sanae Yuriko Tomoko Naoko Mariko Haruka Yui Aoi Sakura Hina Misaki Ayaka
        Nanami Rika Emi Kaori Noriko Chie Miho Reiko Mayumi Takako Seiko Kumiko"""
    ),
    _words(
        """Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki
        Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Yamashita Ishikawa
        Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii
        Nishimura Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada Ono Tamura Takeuchi Kaneko
        Wada Nakayama Ishida Ueda Morita Hara Shibata Sakai Kudo Yokoyama Miyazaki Miyamoto Uchida Takagi
        Ando Taniguchi Ohno Maruyama Imai Takada Fujimoto Takeda Murata Ueno Sugiyama Masuda Sugawara Hirano
        Otsuka Chiba Kubo Matsui Iwasaki Sakurai Motegi"""
    ),
)

HUNGARIAN = Culture(
    "hungarian",
    2,
    _words(
        """László István József János Zoltán Sándor Ferenc Gábor Attila Péter Tamás Zsolt Tibor András Csaba
        Imre Lajos György Balázs Gyula Mihály Róbert Norbert Dániel Ádám Bence Máté Levente Gergely Szabolcs"""
    ),
    _words(
        """Mária Erzsébet Katalin Éva Ilona Zsuzsanna Margit Judit Ágnes Erika Krisztina Ildikó Julianna Irén
        Eszter Tímea Edit Anikó Nikolett Réka Dóra Zsófia Lilla Boglárka Kitti Orsolya Enikő Gyöngyi"""
    ),
    _words(
        """Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász Lakatos
        Mészáros Oláh Rácz Fekete Szilágyi Török Fehér Gál Szűcs Kocsis Orsós Pintér Fodor Szalai Sipos
        Lukács Gulyás Biró Király Katona Jakab Bogdán Boros Fazekas Kelemen Antal Vincze Hegedűs Deák Budai
        Bálint Illés Vass Szőke Fülöp Hajdu Kozma Soós Lengyel Bodnár Szekeres Csizmadia Bíró"""
    ),
    family_first=0.5,
)

INDIAN = Culture(
    "indian",
    4,
    _words(
        """Rahul Amit Sanjay Rajesh Sunil Anil Vijay Ravi Suresh Manoj Arun Ajay Deepak Ashok Vikram Nitin
        Rohit Arjun Karan Siddharth Aditya Pranav Harsh Varun Vivek Ramesh Mahesh Ganesh Shashi Piyush
        Abhishek Prakash Venkatesh Subramanian Gurpreet Harjit"""
    ),
    _words(
        """Priya Anjali Sunita Kavita Pooja Neha Anita Deepika Sneha Swati Aarti Shreya Divya Nisha Meera
        Lakshmi Radhika Smriti Nirmala Shobha Rekha Usha Geeta Seema Ritu Ananya Ishita Kiran Padma Vandana
        Harpreet Jasleen"""
    ),
    _words(
        """Sharma Verma Gupta Singh Kumar Patel Shah Mehta Joshi Reddy Rao Nair Iyer Menon Pillai Chopra
        Kapoor Malhotra Khanna Bhatia Agarwal Banerjee Chatterjee Mukherjee Das Bose Ghosh Sen Dutta
        Chakraborty Mishra Pandey Tiwari Dubey Trivedi Chauhan Yadav Jain Saxena Srivastava Naidu Goyal Bansal
        Desai Kulkarni Deshpande Patil Jadhav Pawar Thakur Rathore Sethi Arora Sinha Prasad Hegde Shetty
        Kamath Krishnamurthy Venkataraman Gill Sandhu Dhillon"""
    ),
)

AFRICAN = Culture(
    "african",
    5,
    _words(
        """Oluwaseun Chinedu Emeka Tunde Babajide Adebayo Ikechukwu Obinna Kwame Kofi Kwabena Yaw Kojo
        Mamadou Ousmane Abdoulaye Ibrahima Moussa Amadou Cheikh Jomo Kipchoge Tendai Tatenda Thabo Sipho
        Bongani Themba Mandla Jabulani Tewodros Yohannes Dawit Mulugeta Olusegun Babatunde Chukwuemeka"""
    ),
    _words(
        """Ngozi Chiamaka Adaeze Folake Yetunde Funmilayo Amina Aisha Fatou Aminata Awa Mariama Akosua Ama
        Abena Efua Wanjiru Wambui Njeri Achieng Akinyi Nomvula Thandiwe Nokuthula Lindiwe Zanele Naledi
        Mekdes Selam Hiwot Tigist Chimamanda Oluwakemi"""
    ),
    _words(
        """Adeyemi Okafor Okonkwo Nwosu Adebayo Ogunleye Balogun Afolabi Olawale Bello Abubakar Usman Mensah
        Owusu Asante Boateng Osei Agyeman Appiah Darko Diallo Traoré Camara Keita Cissé Koné Touré Sow Diop
        Ndiaye Fall Kamau Mwangi Otieno Odhiambo Wanjala Kiprono Kipkemboi Chebet Njoroge Mutua Omondi
        Dlamini Nkosi Ndlovu Khumalo Mthembu Mokoena Molefe Sithole Mahlangu Moyo Ncube Tshabalala Tesfaye
        Bekele Girma Alemu Tadesse Mengistu Gebremedhin Wolde Onyekachi Oyelaran Ezekwesili Adichie"""
    ),
)

VIETNAMESE = Culture(
    "vietnamese",
    1,
    _words(
        """Anh Bình Dũng Giang Hải Hiếu Hùng Khánh Long Nam Phong Phúc Quang Quân Sơn Tâm Thắng Trung Tuấn Tú
        Việt"""
    ),
    _words("""Châu Hằng Hương Lan Linh Mai Thảo Trang Xuân Yến Ngân Phương Thủy Hoa Nhung"""),
    _words("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương"""),
    family_first=1.0,
)
VIETNAMESE_MIDDLE = {"male": ("Văn", "Minh", "Đức", "Quốc", "Hữu", "Thanh"), "female": ("Thị", "Ngọc", "Thanh")}

CULTURES: tuple[Culture, ...] = (
    ENGLISH,
    GERMAN,
    DUTCH,
    FRENCH,
    SPANISH,
    PORTUGUESE,
    ITALIAN,
    SLAVIC,
    NORDIC,
    TURKISH,
    EAST_SLAVIC,
    ARABIC,
    CHINESE,
    KOREAN,
    JAPANESE,
    HUNGARIAN,
    INDIAN,
    AFRICAN,
    VIETNAMESE,
)

# Transliterations a rulebook lists as variants (Sergei / Sergey): the drafts use both.
TRANSLITERATIONS = {
    "Sergei": "Sergey",
    "Dmitry": "Dmitri",
    "Alexei": "Alexey",
    "Yuri": "Yury",
    "Yevgeny": "Evgeny",
    "Mohammed": "Muhammad",
    "Youssef": "Yusuf",
    "Hussein": "Husain",
    "Oleksandr": "Alexander",
    "Volodymyr": "Vladimir",
    "Mykola": "Nikolai",
}

# People the rulebook does not know: residents, analysts and spokespeople quoted in the drafts.
# The generator keeps only those whose every word is at least three edits from every known name word.
BYSTANDER_GIVEN = _words(
    """Giorgos Dimitris Konstantinos Yannis Panagiotis Vasilis Athanasios Despina Eleni Aram Tigran Armen
    Narek Anahit Lusine Giorgi Levan Nino Tamar Budi Agus Siti Dewi Somchai Nattapong Siriporn Bolat Nurlan
    Aigerim Dauren Enkhbold Bayarmaa Tenzin Pema Dorji Sefton Peregrine Ottoline Wilhelmina Bartholomew"""
)
BYSTANDER_FAMILY = _words(
    """Papadopoulos Oikonomou Karagiannis Vlachos Triantafyllou Papageorgiou Christodoulou Konstantinidis
    Petrosyan Hakobyan Grigoryan Sargsyan Harutyunyan Avetisyan Karapetyan Mkrtchyan Beridze Kapanadze
    Gelashvili Maisuradze Lomidze Tsiklauri Santoso Wijaya Hidayat Kusuma Setiawan Pratama Nugroho
    Srisuk Chaiyaporn Wongsakul Boonmee Nurpeisov Abenov Zhaksylykov Batbayar Gankhuyag Wangchuk
    Tshering Featherstonehaugh Cholmondeley Ravensworth Quartermaine"""
)
