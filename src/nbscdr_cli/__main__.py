from nbscdr_cli.cli import main

main()
