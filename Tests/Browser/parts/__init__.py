"""One role's journey per module: each defines run(journey), walking its pages by clicking, with journey.step
after every page (axe-core and a screenshot). Run through journey.py --part NAME."""
