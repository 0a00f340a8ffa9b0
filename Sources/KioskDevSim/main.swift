print("kiosk-devsim: the SAM emulator has not landed yet")
