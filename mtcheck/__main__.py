from mtcheck.cli import program

program()
