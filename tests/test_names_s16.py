"""Spanish, Portuguese and German-speaking honorifics, degree stacks and particles (made-up names)."""

import pytest

from ingest.names import PARTICLES, proper_case, slug_key, split_name
from ingest.preview import odd


@pytest.mark.parametrize("printed, honorific, name", [
    # Spanish and Portuguese forms of address, alone and stacked
    ("Excmo. Sr. D. Tomás Arlanza de la Peña", "Excmo. Sr. D.", "Tomás Arlanza de la Peña"),
    ("Ilma. Sra. Dña. Rosa Gil Paz", "Ilma. Sra. Dña.", "Rosa Gil Paz"),
    ("Sr. Don Bruno Ferrán Soto", "Sr. Don", "Bruno Ferrán Soto"),
    ("Emb. Clara Ibáñez y Roldán", "Emb.", "Clara Ibáñez y Roldán"),
    ("Gral. Luis Arteaga Moll", "Gral.", "Luis Arteaga Moll"),
    ("Cnel. Irene Bastida", "Cnel.", "Irene Bastida"),
    ("Alm. Pau Roig Serrat", "Alm.", "Pau Roig Serrat"),
    ("Mtra. Elena Quirós", "Mtra.", "Elena Quirós"),
    ("Embaixadora Inês do Vale Pires", "Embaixadora", "Inês do Vale Pires"),
    ("Prof.ª Teresa Lobo", "Prof.ª", "Teresa Lobo"),
    # German-speaking ranks, with "a.D." (retired) and "i.G." (general staff) after them
    ("Generalmajor Kurt Emmerling", "Generalmajor", "Kurt Emmerling"),
    ("Oberst i.G. Jan Ruhwald", "Oberst i.G.", "Jan Ruhwald"),
    ("Vizeadmiral a.D. Ole Brenneke", "Vizeadmiral a.D.", "Ole Brenneke"),
    ("Konteradmiral a. D. Ida Kessel", "Konteradmiral a. D.", "Ida Kessel"),
    ("Divisionär Beat Zollinger", "Divisionär", "Beat Zollinger"),
    ("Korpskommandant Rolf Amsler", "Korpskommandant", "Rolf Amsler"),
    # offices printed as a form of address, as "Minister" and "State Secretary" are
    ("Nationalrätin Dr. Ursina Bärtschi", "Nationalrätin Dr.", "Ursina Bärtschi"),
    ("Staatsministerin Lene Wiegand", "Staatsministerin", "Lene Wiegand"),
    # degrees, stacked: the stack that leaves the fewest words wins over the longest first honorific
    ("Prof. Dr. rer. nat. Maren Hollstein", "Prof. Dr. rer. nat.", "Maren Hollstein"),
    ("Dr. iur. Silvan Moos", "Dr. iur.", "Silvan Moos"),
    ("lic. iur. Nadia Imhof", "lic. iur.", "Nadia Imhof"),
    ("DI Dr. Harald Pichlmayr", "DI Dr.", "Harald Pichlmayr"),
    ("Mag.a Sonja Wurzer", "Mag.a", "Sonja Wurzer"),
    ("Mag.(FH) Timo Gruber", "Mag.(FH)", "Timo Gruber"),
])
def test_honorifics(printed, honorific, name):
    got = split_name(printed)
    assert (got.honorific, got.name) == (honorific, name)


@pytest.mark.parametrize("printed", [
    "D. Smith Jones",   # an initial before a name: "D." is "Don" only after another honorific
    "D. Carla Montes",
    "Don Wexford Hale",  # a given name
    "Di Marco Ferri",   # an Italian particle, not the Austrian degree "DI"
    "Ilma Rakovec",     # a given name, not "Ilma." (ilustrísima) without its full stop
])
def test_not_honorifics(printed):
    assert split_name(printed).honorific is None
    assert split_name(printed).name == printed


def test_spanish_particles_in_capitals():
    assert proper_case("Iván VILLAR DE LOS RÍOS") == "Iván Villar de los Ríos"
    assert proper_case("Sara CANO DE LAS HERAS") == "Sara Cano de las Heras"
    assert {"los", "las"} <= PARTICLES


def test_slug_keeps_particle_di():
    # "DI" is an honorific; "di-" opening a slug is a particle of the name still
    assert slug_key("/speakers/di-marco-ferri/") == "di-marco-ferri"


def test_odd_names_strip_honorifics_in_small_letters():
    assert odd("lic. phil. Nadia Imhof") is None
    assert odd("nadia imhof") == "starts in lower case"
